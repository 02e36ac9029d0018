package org.heard.report;

import com.opencsv.CSVWriter;
import org.heard.platform.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The staff-experience report as CSV: for each question, a row for the whole partnership and one per
 * agency shown. Counts and percentages are exactly those of the JSON: a hidden count is {@code c}, a
 * withheld percentage is empty.
 */
final class StaffExperienceCsv {
    static final String[] HEADER = {"question", "question_text", "scope", "agency", "agency_name", "percent_positive", "answered",
            "previous_percent", "previous_answered"};

    private StaffExperienceCsv() {
    }

    static String write(StaffExperienceReport.Report r) {
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            csv.writeNext(HEADER, true);
            for (var q : r.questions()) {
                csv.writeNext(row(q, "partnership", "", "Whole partnership", q.partnership(), q.partnershipPrevious()), true);
                for (var a : q.agencies()) {
                    csv.writeNext(row(q, "agency", a.agency(), a.name(), a.now(), a.previous()), true);
                }
            }
            // Themes in practitioners' free text: the count answered, against the previous round.
            for (var t : r.themes()) {
                csv.writeNext(new String[] {"theme", CsvCells.neutralise(t.theme()), "partnership", "", "Whole partnership", "",
                        t.partnership().text(), "", t.partnershipPrevious().text()}, true);
                if (t.agency() != null) {
                    csv.writeNext(new String[] {"theme", CsvCells.neutralise(t.theme()), "agency", "", "", "", t.agency().text(), "", ""}, true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    // Question and agency names come from files a partnership edits, so they are neutralised.
    private static String[] row(StaffExperienceReport.QuestionRow q, String scope, String agency, String name,
                                StaffExperienceReport.Share now, StaffExperienceReport.Share previous) {
        return new String[] {CsvCells.neutralise(q.questionId()), CsvCells.neutralise(q.text()), scope, CsvCells.neutralise(agency),
                CsvCells.neutralise(name), percent(now), now.base().text(), percent(previous), previous.base().text()};
    }

    private static String percent(StaffExperienceReport.Share s) {
        return s.percent() == null ? "" : s.percent().toString();
    }
}
