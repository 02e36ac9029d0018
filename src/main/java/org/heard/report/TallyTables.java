package org.heard.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes the {@code report_tally_*} tables for {@link DayTallies}, in batches, inside the caller's transaction. */
@Singleton
class TallyTables {
    private static final List<String> TABLES = List.of("report_tally_day", "report_tally_question", "report_tally_value");

    private final JdbcOperations jdbc;

    TallyTables(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the tallies of some days of a survey with new counts and the fingerprints they were counted at. */
    int replace(String surveyId, Set<LocalDate> stale, Map<LocalDate, DayTallies.Fingerprint> now,
                List<DayTallies.Counted> values, List<DayTallies.Counted> answered) {
        forget(stale.stream().map(day -> new Object[] {surveyId, day}).toList());
        batch("INSERT INTO report_tally_day (survey_id, tally_date, responses, id_sum) VALUES (?, ?, ?, ?)", stale.stream()
                .filter(now::containsKey).map(day -> new Object[] {surveyId, day, now.get(day).responses(), now.get(day).idSum()}).toList());
        batch("INSERT INTO report_tally_question (survey_id, tally_date, question_id, responses) VALUES (?, ?, ?, ?)", answered.stream()
                .map(c -> new Object[] {surveyId, c.day(), c.questionId(), c.n()}).toList());
        batch("INSERT INTO report_tally_value (survey_id, tally_date, question_id, value_choice, value_number, answers) VALUES (?, ?, ?, ?, ?, ?)",
                values.stream().map(c -> new Object[] {surveyId, c.day(), c.questionId(), c.choice(), c.number(), c.n()}).toList());
        return stale.size();
    }

    private void batch(String statement, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(statement, ps -> {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            switch (row[i]) {
                case null -> ps.setNull(i + 1, Types.VARCHAR);
                case LocalDate d -> ps.setDate(i + 1, Date.valueOf(d));
                case Long l -> ps.setLong(i + 1, l);
                case Double d -> ps.setDouble(i + 1, d);
                case BigDecimal b -> ps.setBigDecimal(i + 1, b);
                default -> ps.setString(i + 1, row[i].toString());
            }
        }
    }

    /** Drops the tallies of some days, each given as {survey id, date}. */
    int forget(List<Object[]> days) {
        for (String table : TABLES) {
            batch("DELETE FROM " + table + " WHERE survey_id = ? AND tally_date = ?", days);
        }
        return days.size();
    }
}
