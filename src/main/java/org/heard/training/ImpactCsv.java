package org.heard.training;

import com.opencsv.CSVWriter;
import org.heard.platform.CsvCells;
import org.heard.report.Cell;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The impact report as CSV: one line per course, session and agency with the same figures, then
 * attendance by agency and the examples. Suppressed counts are {@code c}; withheld means and
 * percentages are empty.
 */
final class ImpactCsv {
    static final List<String> HEADER = List.of("course_ref", "course", "group_type", "group", "attendees", "day_responses", "overall",
            "outcome_1", "outcome_2", "outcome_3", "knowledge_before", "knowledge_after", "confidence", "invited", "follow_ups",
            "response_rate_pct", "knowledge_improved_pct", "confidence_improved_pct", "practice_changed_pct", "pairs",
            "knowledge_change", "confidence_change", "intended_then_changed_pct");

    private ImpactCsv() {
    }

    static String write(ImpactReport.Report report) {
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            csv.writeNext(HEADER.toArray(String[]::new), true);
            for (ImpactReport.CourseImpact c : report.courses()) {
                csv.writeNext(line(c, "course", c.title(), c.attendees(), c.figures()), true);
                for (ImpactReport.Group g : c.bySession()) {
                    csv.writeNext(line(c, "session", g.label(), g.attendees(), g.figures()), true);
                }
                for (ImpactReport.Group g : c.byAgency()) {
                    csv.writeNext(line(c, "agency", g.label(), g.attendees(), g.figures()), true);
                }
                for (ImpactReport.AgencyCount a : c.attendanceByAgency()) {
                    csv.writeNext(new String[] {CsvCells.neutralise(c.ref()), CsvCells.neutralise(c.title()), "attendance",
                            CsvCells.neutralise(a.name()), a.attendees().text()}, true);
                }
                for (String example : c.examples()) {
                    csv.writeNext(new String[] {CsvCells.neutralise(c.ref()), CsvCells.neutralise(c.title()), "example",
                            CsvCells.neutralise(example)}, true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String[] line(ImpactReport.CourseImpact c, String type, String group, Cell attendees, ImpactFigures f) {
        var cells = new ArrayList<>(List.of(CsvCells.neutralise(c.ref()), CsvCells.neutralise(c.title()), type,
                CsvCells.neutralise(group), attendees.text(), f.dayResponses().text(), n(f.overall())));
        for (int i = 0; i < 3; i++) {
            cells.add(i < f.outcomes().size() ? n(f.outcomes().get(i)) : "");
        }
        cells.addAll(List.of(n(f.knowledgeBefore()), n(f.knowledgeAfter()), n(f.confidence()), f.invited().text(), f.followUps().text(),
                n(f.responseRate()), n(f.knowledgeImproved().percent()), n(f.confidenceImproved().percent()),
                n(f.practiceChanged().percent()), f.pairs().text(), n(f.knowledgeChange()), n(f.confidenceChange()),
                n(f.intendedThenChanged().percent())));
        return cells.toArray(String[]::new);
    }

    private static String n(Number n) {
        return n == null ? "" : n.toString();
    }
}
