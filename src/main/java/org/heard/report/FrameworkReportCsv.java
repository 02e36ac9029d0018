package org.heard.report;

import com.opencsv.CSVWriter;
import io.micronaut.core.annotation.Nullable;
import org.heard.platform.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The framework report as CSV: one row per mapped question, or one per measure with none. A question of
 * a follow-up survey also carries the change from its baseline wave, and a free-text question its top themes,
 * in the last columns.
 */
final class FrameworkReportCsv {
    private FrameworkReportCsv() {
    }

    static String write(FrameworkReport.Report r) {
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            csv.writeNext(new String[] {"area", "measure", "kind", "measure_text", "survey", "question", "responses", "percent_positive",
                    "previous_percent", "change_points", "significant", "activities", "outcome_actions", "other_evidence", "gap",
                    "baseline_survey", "baseline_question", "baseline_base", "baseline_percent", "follow_up_base", "follow_up_percent",
                    "wave_change_points", "wave_significant", "themes", "measure_responses", "measure_responses_by"}, true);
            for (var area : r.areas()) {
                for (var m : area.measures()) {
                    if (m.questions().isEmpty()) {
                        csv.writeNext(row(area, m, null), true);
                    }
                    for (var q : m.questions()) {
                        csv.writeNext(row(area, m, q), true);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String[] row(FrameworkReport.AreaEvidence area, FrameworkReport.MeasureEvidence m,
                                @Nullable FrameworkReport.QuestionEvidence q) {
        List<String> cells = new ArrayList<>(List.of(area.id(), m.id(), m.kind(), CsvCells.neutralise(m.text())));
        if (q == null) {
            cells.addAll(List.of("", "", "", "", "", "", ""));
        } else {
            cells.addAll(List.of(q.surveyId(), q.questionId(), q.responses().text(), text(q.percentPositive()),
                    text(q.previousPercent()), text(q.change()), text(q.significant())));
        }
        cells.addAll(List.of(m.activities().text(), String.valueOf(m.outcomes().size()),
                CsvCells.neutralise(String.join(" | ", m.otherEvidence())), String.valueOf(m.gap())));
        var w = q == null ? null : q.wave();
        if (w == null) {
            cells.addAll(List.of("", "", "", "", "", "", "", ""));
        } else {
            cells.addAll(List.of(w.baselineSurvey(), w.baselineQuestion(), w.baselineBase().text(), text(w.baselinePercent()),
                    w.followUpBase().text(), text(w.followUpPercent()), text(w.change()), text(w.significant())));
        }
        // The top themes of a free-text question as "theme (count)", separated by " | ".
        var t = q == null ? null : q.themes();
        cells.add(t == null ? "" : CsvCells.neutralise(String.join(" | ", t.top().stream().map(x -> x.theme() + " (" + x.answers().text() + ")").toList())));
        cells.add(m.responses().byAudience().total().text());
        cells.add(CsvCells.neutralise(m.responses().summary()));
        return cells.toArray(String[]::new);
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
