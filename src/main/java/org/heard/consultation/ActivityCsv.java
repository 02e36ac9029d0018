package org.heard.consultation;

import org.heard.platform.IdList;

import com.opencsv.CSVWriter;
import io.micronaut.serde.annotation.Serdeable;
import org.heard.platform.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The consultation log as CSV, so a partnership can bring in the spreadsheet log it already keeps.
 * The header is {@link #HEADER}; lists (audiences, areas, measures, surveys) are separated by ";".
 * Each row is imported on its own: a bad row is reported with its reason and never stops the rest,
 * and a row whose {@code ref} is already in the log updates that activity.
 */
final class ActivityCsv {
    static final List<String> HEADER = List.of("ref", "held_on", "title", "audiences", "areas", "measures", "method",
            "participants", "under_11", "age_11_15", "age_16_17", "adults_18_plus", "lead_agency", "surveys",
            "key_messages", "follow_up");

    private ActivityCsv() {
    }

    @Serdeable
    record Rejected(int row, String ref, Map<String, String> reasons) {
    }

    @Serdeable
    record ImportReport(int imported, int updated, List<Rejected> rejected) {
    }

    static String write(List<Activity> activities) {
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            csv.writeNext(HEADER.toArray(String[]::new), true);
            for (Activity a : activities) {
                String[] row = {a.ref(), a.heldOn().toString(), a.title(), String.join(";", a.audiences()),
                        String.join(";", a.areas()), String.join(";", a.measures()), a.method(), String.valueOf(a.participants()),
                        n(a.ageBands().under11()), n(a.ageBands().from11To15()), n(a.ageBands().from16To17()), n(a.ageBands().adults()),
                        a.leadAgency(), String.join(";", a.surveys()), a.keyMessages(), a.followUp()};
                csv.writeNext(Arrays.stream(row).map(CsvCells::neutralise).toArray(String[]::new), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses the body; throws {@link IllegalArgumentException} with a readable message when the file itself is unusable. */
    static List<Map<String, String>> read(String body) {
        return CsvCells.read(body, HEADER);
    }

    static ActivityDraft draft(Map<String, String> row) {
        return new ActivityDraft(row.get("ref"), row.get("held_on"), row.get("title"), IdList.parse(row.get("audiences")),
                IdList.parse(row.get("areas")), IdList.parse(row.get("measures")), row.get("method"), row.get("participants"),
                row.get("under_11"), row.get("age_11_15"), row.get("age_16_17"), row.get("adults_18_plus"),
                row.get("lead_agency"), IdList.parse(row.get("surveys")), row.get("key_messages"), row.get("follow_up"));
    }

    private static String n(Integer i) {
        return i == null ? "" : i.toString();
    }
}
