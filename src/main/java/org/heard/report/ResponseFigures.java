package org.heard.report;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Counting over the response store for reports: plain SQL, because a report is an aggregate over many
 * rows. Answers per question and value come from {@link DayTallies}, which keeps daily counts.
 */
@Singleton
class ResponseFigures {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final DayTallies tallies;

    ResponseFigures(JdbcOperations jdbc, TransactionOperations<Connection> tx, DayTallies tallies) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.tallies = tallies;
    }

    record Count(String surveyId, String channel, long responses) {
    }

    record Text(long responseId, String surveyId, String questionId, String text, Instant submittedAt) {
    }

    /** Responses per survey and channel submitted in [from, to). */
    List<Count> counts(Collection<String> surveyIds, Instant from, Instant to) {
        if (surveyIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", surveyIds.stream().map(s -> "?").toList());
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT survey_id, channel, COUNT(*) FROM response WHERE submitted_at >= ? "
                + "AND submitted_at < ? AND survey_id IN (" + in + ") GROUP BY survey_id, channel ORDER BY survey_id, channel", ps -> {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            int i = 3;
            for (String id : surveyIds) {
                ps.setString(i++, id);
            }
            var out = new ArrayList<Count>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
            }
            return out;
        }));
    }

    record Value(String questionId, String choice, Double number, long answers) {
    }

    /** How often each value was given to each question of a survey in [from, to), text answers aside. */
    List<Value> values(String surveyId, Instant from, Instant to) {
        return tally(surveyId, from, to).values();
    }

    /** How many responses answered each question of a survey, and how often each value was given, in [from, to). */
    DayTallies.Tally tally(String surveyId, Instant from, Instant to) {
        return tallies.tally(surveyId, from, to);
    }

    record AgencyValue(String questionId, String agency, String choice, Double number, long answers) {
    }

    /** Like {@link #values}, split by the agency recorded on each response. */
    List<AgencyValue> agencyValues(String surveyId, Instant from, Instant to) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT a.question_id, r.agency, a.value_choice, a.value_number, COUNT(*) FROM answer a "
                + "JOIN response r ON r.id = a.response_id WHERE r.survey_id = ? AND r.submitted_at >= ? AND r.submitted_at < ? "
                + "AND a.value_text IS NULL GROUP BY a.question_id, r.agency, a.value_choice, a.value_number", ps -> {
            ps.setString(1, surveyId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            var out = new ArrayList<AgencyValue>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double n = rs.getDouble(4);
                    Double number = rs.wasNull() ? null : n;
                    out.add(new AgencyValue(rs.getString(1), rs.getString(2), rs.getString(3), number, rs.getLong(5)));
                }
            }
            return out;
        }));
    }

    /** How many responses answered each question of a survey in [from, to). */
    java.util.Map<String, Long> answered(String surveyId, Instant from, Instant to) {
        return tally(surveyId, from, to).answered();
    }

    /** The newest free-text answers to the given questions of a survey in [from, to). */
    List<Text> texts(String surveyId, Collection<String> questionIds, Instant from, Instant to, int limit) {
        if (questionIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", questionIds.stream().map(s -> "?").toList());
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT r.id, r.survey_id, a.question_id, a.value_text, r.submitted_at "
                + "FROM answer a JOIN response r ON r.id = a.response_id WHERE r.survey_id = ? AND r.submitted_at >= ? AND r.submitted_at < ? "
                + "AND a.value_text IS NOT NULL AND a.question_id IN (" + in + ") ORDER BY r.submitted_at DESC, a.id DESC LIMIT " + limit, ps -> {
            ps.setString(1, surveyId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            int i = 4;
            for (String q : questionIds) {
                ps.setString(i++, q);
            }
            var out = new ArrayList<Text>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Text(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        }));
    }
}
