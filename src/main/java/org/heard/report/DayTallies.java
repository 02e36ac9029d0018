package org.heard.report;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.platform.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Answers counted per survey, day, question and value, kept in the {@code report_tally_*} tables as a
 * cache of the response store, so that a report over a year adds up a few thousand rows instead of
 * reading millions of answers.
 *
 * <p>Before each use, every whole day of the period is checked against the store by how many responses
 * it holds and the sum of their ids; a day whose responses changed since it was counted (a new answer,
 * an import, an erasure) is counted again. That check is sound because responses are only ever added
 * and erased, never edited, and ids are never reused. The check is read before the counting, so a
 * response that commits in between makes the day look changed next time rather than hiding it. Part
 * days at either end of a period are counted from the store directly.
 *
 * <p>A day is a date as the database stores {@code submitted_at}: JDBC writes timestamps in the JVM's
 * zone, so days are cut in that zone, and a report period cut in another zone has part days at its ends.
 */
@Singleton
class DayTallies {
    private static final Logger LOG = LoggerFactory.getLogger(DayTallies.class);
    private static final String DAY = "CAST(r.submitted_at AS DATE)";

    private final Sql sql;
    private final TallyTables tables;
    private final TransactionOperations<Connection> tx;
    private volatile Boolean daysMatch;

    DayTallies(Sql sql, TallyTables tables, TransactionOperations<Connection> tx) {
        this.sql = sql;
        this.tables = tables;
        this.tx = tx;
    }

    /** What a report needs about one survey in [from, to): responses per question, and how often each value was given. */
    record Tally(Map<String, Long> answered, List<ResponseFigures.Value> values) {
    }

    /** A day's responses in the store: how many, and the sum of their ids. */
    record Fingerprint(long responses, BigDecimal idSum) {
    }

    /** A count from the store; {@code day} is null once summed over days. */
    record Counted(LocalDate day, String questionId, String choice, Double number, long n) {
    }

    Tally tally(String surveyId, Instant from, Instant to) {
        ZoneId zone = ZoneId.systemDefault();
        if (!daysMatch(zone)) {
            return read(() -> sum(count(surveyId, from, to, false), count(surveyId, from, to, true)));
        }
        LocalDate first = from.atZone(zone).toLocalDate();
        if (!first.atStartOfDay(zone).toInstant().equals(from)) {
            first = first.plusDays(1);
        }
        LocalDate end = to.atZone(zone).toLocalDate();
        if (!first.isBefore(end)) {
            return read(() -> sum(count(surveyId, from, to, false), count(surveyId, from, to, true)));
        }
        LocalDate firstDay = first;
        Instant wholeFrom = first.atStartOfDay(zone).toInstant();
        Instant wholeTo = end.atStartOfDay(zone).toInstant();
        boolean fresh = fresh(surveyId, first, end, zone);
        return read(() -> {
            var values = new ArrayList<Counted>();
            var answered = new ArrayList<Counted>();
            for (Instant[] part : new Instant[][] {{from, wholeFrom}, {wholeTo, to}}) {
                if (part[0].isBefore(part[1])) {
                    values.addAll(count(surveyId, part[0], part[1], false));
                    answered.addAll(count(surveyId, part[0], part[1], true));
                }
            }
            if (fresh) {
                values.addAll(sql.list("SELECT question_id, value_choice, value_number, SUM(answers) FROM report_tally_value "
                        + "WHERE survey_id = ? AND tally_date >= ? AND tally_date < ? GROUP BY question_id, value_choice, value_number",
                        rs -> new Counted(null, rs.getString(1), rs.getString(2), number(rs, 3), rs.getLong(4)), surveyId, firstDay, end));
                answered.addAll(sql.list("SELECT question_id, SUM(responses) FROM report_tally_question "
                        + "WHERE survey_id = ? AND tally_date >= ? AND tally_date < ? GROUP BY question_id",
                        rs -> new Counted(null, rs.getString(1), null, null, rs.getLong(2)), surveyId, firstDay, end));
            } else {
                values.addAll(count(surveyId, wholeFrom, wholeTo, false));
                answered.addAll(count(surveyId, wholeFrom, wholeTo, true));
            }
            return sum(values, answered);
        });
    }

    /** Days to count again, with the store's fingerprint of each read before counting, and the counts. */
    private record Recount(TreeSet<LocalDate> stale, Map<LocalDate, Fingerprint> now, List<Counted> values, List<Counted> answered) {
    }

    /**
     * Counts again every day in [first, end) whose responses changed since it was counted.
     *
     * @return false if the counts could not be stored (another report stored the same days at the same
     *         moment), so the caller counts from the store instead
     */
    private boolean fresh(String surveyId, LocalDate first, LocalDate end, ZoneId zone) {
        Recount recount = read(() -> {
            Map<LocalDate, Fingerprint> now = new HashMap<>();
            sql.list("SELECT " + DAY + ", COUNT(*), SUM(r.id) FROM response r WHERE r.survey_id = ? AND r.submitted_at >= ? "
                            + "AND r.submitted_at < ? GROUP BY " + DAY,
                    rs -> now.put(rs.getObject(1, LocalDate.class), new Fingerprint(rs.getLong(2), rs.getBigDecimal(3))),
                    surveyId, first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
            Map<LocalDate, Fingerprint> counted = new HashMap<>();
            sql.list("SELECT tally_date, responses, id_sum FROM report_tally_day WHERE survey_id = ? AND tally_date >= ? AND tally_date < ?",
                    rs -> counted.put(rs.getObject(1, LocalDate.class), new Fingerprint(rs.getLong(2), rs.getBigDecimal(3))), surveyId, first, end);
            var stale = new TreeSet<LocalDate>();
            now.forEach((day, f) -> {
                Fingerprint c = counted.get(day);
                if (c == null || c.responses() != f.responses() || c.idSum().compareTo(f.idSum()) != 0) {
                    stale.add(day);
                }
            });
            counted.keySet().stream().filter(day -> !now.containsKey(day)).forEach(stale::add);
            if (stale.isEmpty()) {
                return new Recount(stale, now, List.of(), List.of());
            }
            // Count each run of consecutive changed days with one query: usually just today, or every day the first time.
            var values = new ArrayList<Counted>();
            var answered = new ArrayList<Counted>();
            LocalDate runStart = stale.first();
            for (LocalDate day : stale) {
                LocalDate next = stale.higher(day);
                if (next == null || !next.equals(day.plusDays(1))) {
                    Instant runFrom = runStart.atStartOfDay(zone).toInstant();
                    Instant runTo = day.plusDays(1).atStartOfDay(zone).toInstant();
                    values.addAll(count(surveyId, runFrom, runTo, false));
                    answered.addAll(count(surveyId, runFrom, runTo, true));
                    runStart = next;
                }
            }
            return new Recount(stale, now, values, answered);
        });
        if (recount.stale().isEmpty()) {
            return true;
        }
        try {
            tx.executeWrite(status -> tables.replace(surveyId, recount.stale(), recount.now(), recount.values(), recount.answered()));
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Tallies for {} not stored; counting from the store this time", surveyId, e);
            return false;
        }
    }

    /**
     * Drops every tallied day whose responses changed, to be counted again when a report needs it: run
     * after an erasure, so erased answers leave no counts behind.
     */
    void forgetChangedDays() {
        record Day(String surveyId, LocalDate date) {
        }
        Map<Day, Fingerprint> counted = new HashMap<>();
        read(() -> sql.list("SELECT survey_id, tally_date, responses, id_sum FROM report_tally_day", rs -> counted.put(
                new Day(rs.getString(1), rs.getObject(2, LocalDate.class)), new Fingerprint(rs.getLong(3), rs.getBigDecimal(4)))));
        if (counted.isEmpty()) {
            return;
        }
        ZoneId zone = ZoneId.systemDefault();
        LocalDate first = counted.keySet().stream().map(Day::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = counted.keySet().stream().map(Day::date).max(LocalDate::compareTo).orElseThrow();
        Map<Day, Fingerprint> now = new HashMap<>();
        read(() -> sql.list("SELECT r.survey_id, " + DAY + ", COUNT(*), SUM(r.id) FROM response r WHERE r.submitted_at >= ? "
                        + "AND r.submitted_at < ? GROUP BY r.survey_id, " + DAY,
                rs -> now.put(new Day(rs.getString(1), rs.getObject(2, LocalDate.class)), new Fingerprint(rs.getLong(3), rs.getBigDecimal(4))),
                first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant()));
        List<Object[]> changed = counted.entrySet().stream().filter(e -> {
            Fingerprint f = now.get(e.getKey());
            return f == null || f.responses() != e.getValue().responses() || f.idSum().compareTo(e.getValue().idSum()) != 0;
        }).map(e -> new Object[] {e.getKey().surveyId(), e.getKey().date()}).toList();
        if (!changed.isEmpty()) {
            tx.executeWrite(status -> tables.forget(changed));
        }
    }

    /**
     * Whether a midnight in the JVM's zone is stored as a midnight, as it is unless the driver is set to
     * convert timestamps to another zone; if not, days cannot be cut in SQL and every report counts
     * from the store.
     */
    private boolean daysMatch(ZoneId zone) {
        Boolean known = daysMatch;
        if (known == null) {
            Instant midnight = LocalDate.of(2001, 2, 3).atStartOfDay(zone).toInstant();
            known = read(() -> sql.one("SELECT HOUR(CAST(? AS DATETIME)), MINUTE(CAST(? AS DATETIME))", rs -> rs.getInt(1) == 0 && rs.getInt(2) == 0, midnight, midnight)
                    .orElse(false));
            if (!known) {
                LOG.warn("Timestamps are stored in another zone than the JVM's ({}): reports count answers without daily tallies", zone);
            }
            daysMatch = known;
        }
        return known;
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        return tx.executeRead(status -> work.get());
    }

    /** Counts from the store by day: values given (text answers aside), or responses per question. */
    private List<Counted> count(String surveyId, Instant from, Instant to, boolean responsesPerQuestion) {
        String where = " FROM answer a JOIN response r ON r.id = a.response_id WHERE r.survey_id = ? AND r.submitted_at >= ? AND r.submitted_at < ?";
        if (responsesPerQuestion) {
            return sql.list("SELECT " + DAY + ", a.question_id, COUNT(DISTINCT a.response_id)" + where + " GROUP BY " + DAY + ", a.question_id",
                    rs -> new Counted(rs.getObject(1, LocalDate.class), rs.getString(2), null, null, rs.getLong(3)), surveyId, from, to);
        }
        return sql.list("SELECT " + DAY + ", a.question_id, a.value_choice, a.value_number, COUNT(*)" + where
                        + " AND a.value_text IS NULL GROUP BY " + DAY + ", a.question_id, a.value_choice, a.value_number",
                rs -> new Counted(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), number(rs, 4), rs.getLong(5)),
                surveyId, from, to);
    }

    private static Double number(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        double n = rs.getDouble(column);
        return rs.wasNull() ? null : n;
    }

    private static Tally sum(List<Counted> values, List<Counted> answered) {
        record Key(String questionId, String choice, Double number) {
        }
        Map<Key, Long> byValue = new HashMap<>();
        values.forEach(c -> byValue.merge(new Key(c.questionId(), c.choice(), c.number()), c.n(), Long::sum));
        Map<String, Long> byQuestion = new HashMap<>();
        answered.forEach(c -> byQuestion.merge(c.questionId(), c.n(), Long::sum));
        var out = new ArrayList<ResponseFigures.Value>();
        byValue.forEach((k, n) -> out.add(new ResponseFigures.Value(k.questionId(), k.choice(), k.number(), n)));
        return new Tally(byQuestion, out);
    }
}
