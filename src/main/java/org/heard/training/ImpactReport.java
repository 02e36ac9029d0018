package org.heard.training;

import org.heard.platform.Sql;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.report.Cell;
import org.heard.report.ReportConfiguration;
import org.heard.report.SuppressedTable;
import org.heard.report.Suppression;
import org.heard.safeguarding.Safeguarding;
import org.heard.survey.SurveyCatalog;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The training impact report: for the sessions held in a period, per course and within it per
 * session and per agency, attendance by agency, the on-the-day ratings, the follow-up response
 * rate, what people report at three months, the paired change between the day and three months,
 * and examples of changed practice, all under the small-number rules.
 */
@Singleton
public class ImpactReport {
    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final Courses courses;
    private final Suppression suppression;
    private final ReportConfiguration config;
    private final Safeguarding safeguarding;
    private final SurveyCatalog surveys;

    ImpactReport(Sql sql, TransactionOperations<Connection> tx, Courses courses, Suppression suppression, ReportConfiguration config,
                 Safeguarding safeguarding, SurveyCatalog surveys) {
        this.sql = sql;
        this.tx = tx;
        this.courses = courses;
        this.suppression = suppression;
        this.config = config;
        this.safeguarding = safeguarding;
        this.surveys = surveys;
    }

    @Serdeable
    public record AgencyCount(String agency, String name, Cell attendees) {
    }

    @Serdeable
    public record Group(String id, String label, Cell attendees, ImpactFigures figures) {
    }

    @Serdeable
    public record CourseImpact(long courseId, String ref, String title, List<String> outcomes, List<String> measures, int sessions,
                               Cell attendees, List<AgencyCount> attendanceByAgency, ImpactFigures figures,
                               List<Group> bySession, List<Group> byAgency, List<String> examples) {
    }

    @Serdeable
    public record Report(LocalDate from, LocalDate to, int threshold, List<CourseImpact> courses) {
    }

    /** One evaluation as stored: who (agency), where (session), when (stage), and the answers. */
    private record Row(long sessionId, long courseId, String stage, @Nullable String agency, ImpactFigures.Answers answers) {
    }

    /**
     * @param courseId   one course, or null for all
     * @param withQuotes false for roles that may not read free text
     */
    public Report build(LocalDate from, LocalDate to, @Nullable Long courseId, boolean withQuotes) {
        return tx.executeRead(s -> {
            List<Row> rows = rows(from, to);
            Map<Long, Map<String, Long>> attendance = attendance(from, to);
            Map<Long, Long> invitedBySession = new HashMap<>();
            Map<String, Long> sessionOfInvitee = new HashMap<>();
            sql.list("SELECT i.session_id, i.pair_token FROM training_invitation i JOIN training_session s ON s.id = i.session_id "
                    + "WHERE s.held_on >= ? AND s.held_on <= ? AND i.invited_at IS NOT NULL", rs -> {
                invitedBySession.merge(rs.getLong(1), 1L, Long::sum);
                return sessionOfInvitee.put(rs.getString(2), rs.getLong(1));
            }, from, to);
            var out = new ArrayList<CourseImpact>();
            for (Course c : courses.all()) {
                if (courseId != null && c.id() != courseId) {
                    continue;
                }
                List<TrainingSession> held = courses.sessions(c.id()).stream()
                        .filter(t -> !t.heldOn().isBefore(from) && !t.heldOn().isAfter(to)).toList();
                if (held.isEmpty()) {
                    continue;
                }
                out.add(course(c, held, rows, attendance, invitedBySession, sessionOfInvitee, withQuotes));
            }
            return new Report(from, to, suppression.threshold(), out);
        });
    }

    private CourseImpact course(Course c, List<TrainingSession> held, List<Row> rows, Map<Long, Map<String, Long>> attendance,
                                Map<Long, Long> invitedBySession, Map<String, Long> sessionOfInvitee, boolean withQuotes) {
        List<Row> mine = rows.stream().filter(r -> r.courseId() == c.id()).toList();
        // Agencies across the course's sessions: one suppressed row, so no small count can be worked out from the total.
        Map<String, Long> byAgency = new LinkedHashMap<>();
        held.forEach(t -> attendance.getOrDefault(t.id(), Map.of()).forEach((a, n) -> byAgency.merge(a, n, Long::sum)));
        List<String> agencies = new ArrayList<>(byAgency.keySet());
        long[][] counts = {agencies.stream().mapToLong(byAgency::get).toArray()};
        SuppressedTable table = suppression.table(counts);
        var agencyCounts = new ArrayList<AgencyCount>();
        for (int i = 0; i < agencies.size(); i++) {
            agencyCounts.add(new AgencyCount(agencies.get(i), surveys.agencies().name(agencies.get(i)), table.cell(0, i)));
        }
        long invited = held.stream().mapToLong(t -> invitedBySession.getOrDefault(t.id(), 0L)).sum();
        var sessions = new ArrayList<Group>();
        for (TrainingSession t : held) {
            long attendees = attendance.getOrDefault(t.id(), Map.of()).values().stream().mapToLong(Long::longValue).sum();
            sessions.add(new Group(t.code(), SessionLink.DAY.format(t.heldOn()) + ", " + t.venue(), suppression.count(attendees),
                    figures(mine.stream().filter(r -> r.sessionId() == t.id()).toList(), invitedBySession.getOrDefault(t.id(), 0L), c)));
        }
        var agencyGroups = new ArrayList<Group>();
        Set<String> answeringAgencies = new TreeSet<>();
        mine.stream().filter(r -> r.agency() != null).forEach(r -> answeringAgencies.add(r.agency()));
        for (String a : answeringAgencies) {
            List<Row> theirs = mine.stream().filter(r -> a.equals(r.agency())).toList();
            // An invitee's agency is known from their on-the-day answer, through the pair token.
            long theirInvited = theirs.stream().filter(r -> r.stage().equals(Stage.DAY.id()))
                    .filter(r -> sessionOfInvitee.containsKey(r.answers().pairToken())).count();
            agencyGroups.add(new Group(a, surveys.agencies().name(a), suppression.count(byAgency.getOrDefault(a, 0L)),
                    figures(theirs, theirInvited, c)));
        }
        return new CourseImpact(c.id(), c.ref(), c.title(), c.outcomes(), c.measures(), held.size(), table.grandTotal(), agencyCounts,
                figures(mine, invited, c), sessions, agencyGroups, withQuotes ? examples(mine) : List.of());
    }

    private ImpactFigures figures(List<Row> rows, long invited, Course c) {
        return ImpactFigures.of(rows.stream().filter(r -> r.stage().equals(Stage.DAY.id())).map(Row::answers).toList(),
                rows.stream().filter(r -> r.stage().equals(Stage.FOLLOW_UP.id())).map(Row::answers).toList(),
                invited, c.outcomes().size(), suppression, config);
    }

    /** Examples of changed practice, only from a course with enough follow-ups and never a flagged answer. */
    private List<String> examples(List<Row> rows) {
        List<Row> later = rows.stream().filter(r -> r.stage().equals(Stage.FOLLOW_UP.id())).toList();
        if (later.size() < config.minimumQuoteGroup()) {
            return List.of();
        }
        Set<Long> flagged = safeguarding.flagged(later.stream().map(r -> r.answers().responseId()).toList());
        return later.stream().filter(r -> !flagged.contains(r.answers().responseId()))
                .map(r -> r.answers().values().get("practice-example")).filter(t -> t != null && !t.isBlank()).limit(5).toList();
    }

    private List<Row> rows(LocalDate from, LocalDate to) {
        String where = " FROM training_evaluation e JOIN training_session s ON s.id = e.session_id WHERE s.held_on >= ? AND s.held_on <= ?";
        Map<Long, Map<String, String>> answers = new HashMap<>();
        sql.list("SELECT a.response_id, a.question_id, a.value_choice, a.value_number, a.value_text FROM answer a "
                + "WHERE a.response_id IN (SELECT e.response_id" + where + ")", rs -> {
            Object number = rs.getObject(4);
            String value = rs.getString(3) != null ? rs.getString(3)
                    : number != null ? String.valueOf(rs.getDouble(4)) : rs.getString(5);
            return answers.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), value);
        }, from, to);
        return sql.list("SELECT e.response_id, e.session_id, s.course_id, e.stage, e.pair_token, r.agency" + where.replace(
                        " WHERE", " JOIN response r ON r.id = e.response_id WHERE"),
                rs -> new Row(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(6), new ImpactFigures.Answers(rs.getLong(1),
                        rs.getString(5), answers.getOrDefault(rs.getLong(1), Map.of()))), from, to);
    }

    private Map<Long, Map<String, Long>> attendance(LocalDate from, LocalDate to) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        sql.list("SELECT a.session_id, a.agency, COUNT(*) FROM training_attendance a JOIN training_session s ON s.id = a.session_id "
                + "WHERE s.held_on >= ? AND s.held_on <= ? GROUP BY a.session_id, a.agency ORDER BY a.agency", rs ->
                out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3)), from, to);
        return out;
    }
}
