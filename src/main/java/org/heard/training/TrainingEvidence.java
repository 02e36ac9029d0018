package org.heard.training;

import jakarta.inject.Singleton;
import org.heard.report.MeasureEvidenceSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training as framework evidence: each course's sessions, attendance across agencies and what
 * people report three months on, counted for every measure the course is tagged with.
 */
@Singleton
class TrainingEvidence implements MeasureEvidenceSource {
    private final ImpactReport reports;

    TrainingEvidence(ImpactReport reports) {
        this.reports = reports;
    }

    @Override
    public Map<String, List<String>> evidence(LocalDate from, LocalDate to) {
        Map<String, List<String>> out = new HashMap<>();
        for (ImpactReport.CourseImpact c : reports.build(from, to, null, false).courses()) {
            String line = statement(c);
            c.measures().forEach(m -> out.computeIfAbsent(m, k -> new ArrayList<>()).add(line));
        }
        return out;
    }

    static String statement(ImpactReport.CourseImpact c) {
        ImpactFigures f = c.figures();
        var s = new StringBuilder("Training \"").append(c.title()).append("\": ").append(c.sessions())
                .append(c.sessions() == 1 ? " session, " : " sessions, ").append(c.attendees().text()).append(" attendees from ")
                .append(c.attendanceByAgency().size()).append(c.attendanceByAgency().size() == 1 ? " agency" : " agencies")
                .append("; ").append(f.dayResponses().text()).append(" evaluations on the day");
        if (f.overall() != null) {
            s.append(" (average rating ").append(f.overall()).append(" out of 5)");
        }
        s.append("; ").append(f.followUps().text()).append(" at 3 months");
        if (f.practiceChanged().percent() != null) {
            s.append(", of whom ").append(f.practiceChanged().percent()).append("% report changed practice");
        }
        return s.append('.').toString();
    }
}
