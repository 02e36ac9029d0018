package org.heard.report;

import com.opencsv.CSVWriter;
import org.heard.platform.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The framework report as CSV: one row per mapped question, or one per measure with none. */
final class FrameworkReportCsv {
    private FrameworkReportCsv() {
    }

    static String write(FrameworkReport.Report r) {
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            csv.writeNext(new String[] {"area", "measure", "kind", "measure_text", "survey", "question", "responses", "percent_positive",
                    "previous_percent", "change_points", "significant", "activities", "outcome_actions", "other_evidence", "gap"}, true);
            for (var area : r.areas()) {
                for (var m : area.measures()) {
                    String[] base = {area.id(), m.id(), m.kind(), CsvCells.neutralise(m.text())};
                    if (m.questions().isEmpty()) {
                        csv.writeNext(row(base, "", "", "", "", "", "", "", m), true);
                    }
                    for (var q : m.questions()) {
                        csv.writeNext(row(base, q.surveyId(), q.questionId(), q.responses().text(), text(q.percentPositive()),
                                text(q.previousPercent()), text(q.change()), q.significant() == null ? "" : q.significant().toString(), m), true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String[] row(String[] base, String survey, String question, String responses, String percent, String previous,
                                String change, String significant, FrameworkReport.MeasureEvidence m) {
        return new String[] {base[0], base[1], base[2], base[3], survey, question, responses, percent, previous, change, significant,
                m.activities().text(), String.valueOf(m.outcomes().size()),
                CsvCells.neutralise(String.join(" | ", m.otherEvidence())), String.valueOf(m.gap())};
    }

    private static String text(Integer n) {
        return n == null ? "" : n.toString();
    }
}
