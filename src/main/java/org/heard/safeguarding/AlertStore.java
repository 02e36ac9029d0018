package org.heard.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The alert tables. Plain SQL: the queue queries join and filter more than a repository would say clearly. */
@Singleton
class AlertStore {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    AlertStore(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    record NewMatch(String questionId, String category, String indicator) {
    }

    /** Inserts an alert and its matches; empty when the response already has one. */
    Optional<Long> insert(String kind, @Nullable Long responseId, @Nullable String surveyId, @Nullable String channel,
                          List<String> categories, List<NewMatch> matches, Instant at) {
        try {
            return Optional.of(tx.executeWrite(status -> {
                long id;
                try (PreparedStatement ps = jdbc.getConnection().prepareStatement("INSERT INTO safeguarding_alert "
                        + "(kind, response_id, survey_id, channel, categories, status, raised_at) VALUES (?, ?, ?, ?, ?, 'open', ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, kind);
                    if (responseId == null) {
                        ps.setNull(2, Types.BIGINT);
                    } else {
                        ps.setLong(2, responseId);
                    }
                    ps.setString(3, surveyId);
                    ps.setString(4, channel);
                    ps.setString(5, String.join(",", categories));
                    ps.setTimestamp(6, Timestamp.from(at));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Could not store the alert", e);
                }
                for (NewMatch m : matches) {
                    jdbc.prepareStatement("INSERT INTO safeguarding_match (alert_id, question_id, category, indicator) VALUES (?, ?, ?, ?)", ps -> {
                        ps.setLong(1, id);
                        ps.setString(2, m.questionId());
                        ps.setString(3, m.category());
                        ps.setString(4, m.indicator().length() > 200 ? m.indicator().substring(0, 200) : m.indicator());
                        return ps.executeUpdate();
                    });
                }
                event(id, "raised", "heard", at, null);
                return id;
            }));
        } catch (RuntimeException e) {
            if (responseId != null && findByResponse(responseId).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    void event(long alertId, String action, String username, Instant at, @Nullable String note) {
        tx.executeWrite(status -> jdbc.prepareStatement(
                "INSERT INTO safeguarding_alert_event (alert_id, action, username, at, note) VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setLong(1, alertId);
                    ps.setString(2, action);
                    ps.setString(3, username);
                    ps.setTimestamp(4, Timestamp.from(at));
                    ps.setString(5, note);
                    return ps.executeUpdate();
                }));
    }

    /** Sets a state change only if the alert is still in {@code fromStatus}; false when it was not. */
    boolean transition(long id, String fromStatus, String sql, Object... args) {
        return tx.executeWrite(status -> jdbc.prepareStatement(sql + " WHERE id = ? AND status = ?", ps -> {
            int i = 1;
            for (Object a : args) {
                bind(ps, i++, a);
            }
            ps.setLong(i++, id);
            ps.setString(i, fromStatus);
            return ps.executeUpdate() == 1;
        }));
    }

    void update(long id, String sql, Object... args) {
        tx.executeWrite(status -> jdbc.prepareStatement(sql + " WHERE id = ?", ps -> {
            int i = 1;
            for (Object a : args) {
                bind(ps, i++, a);
            }
            ps.setLong(i, id);
            return ps.executeUpdate();
        }));
    }

    record Row(long id, String kind, @Nullable Long responseId, @Nullable String surveyId, @Nullable String channel,
               List<String> categories, String status, Instant raisedAt, @Nullable Instant acknowledgedAt,
               @Nullable String acknowledgedBy, @Nullable Instant closedAt, @Nullable String closedBy,
               @Nullable String outcome, @Nullable String note, @Nullable Instant escalatedAt) {
    }

    private static final String COLUMNS = "id, kind, response_id, survey_id, channel, categories, status, raised_at, "
            + "acknowledged_at, acknowledged_by, closed_at, closed_by, outcome, note, escalated_at";

    Optional<Row> find(long id) {
        return one("SELECT " + COLUMNS + " FROM safeguarding_alert WHERE id = ?", id);
    }

    Optional<Row> findByResponse(long responseId) {
        return one("SELECT " + COLUMNS + " FROM safeguarding_alert WHERE response_id = ?", responseId);
    }

    List<Row> list(@Nullable String status, int limit) {
        String where = status == null ? "" : " WHERE status = ?";
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT " + COLUMNS + " FROM safeguarding_alert" + where
                + " ORDER BY raised_at DESC, id DESC LIMIT " + limit, ps -> {
            if (status != null) {
                ps.setString(1, status);
            }
            return rows(ps);
        }));
    }

    /** Open alerts nobody has acknowledged since before {@code cutoff} and not yet escalated. */
    List<Row> overdue(Instant cutoff) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT " + COLUMNS + " FROM safeguarding_alert "
                + "WHERE status = 'open' AND escalated_at IS NULL AND raised_at <= ? ORDER BY id", ps -> {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return rows(ps);
        }));
    }

    record MatchRow(String questionId, String category, String indicator) {
    }

    List<MatchRow> matches(long alertId) {
        return tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT question_id, category, indicator FROM safeguarding_match WHERE alert_id = ? ORDER BY id", ps -> {
                    ps.setLong(1, alertId);
                    var out = new ArrayList<MatchRow>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new MatchRow(rs.getString(1), rs.getString(2), rs.getString(3)));
                        }
                    }
                    return out;
                }));
    }

    List<Alert.Step> history(long alertId) {
        return tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT action, username, at, note FROM safeguarding_alert_event WHERE alert_id = ? ORDER BY id", ps -> {
                    ps.setLong(1, alertId);
                    var out = new ArrayList<Alert.Step>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Alert.Step(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
                        }
                    }
                    return out;
                }));
    }

    boolean flagged(long responseId) {
        return findByResponse(responseId).isPresent();
    }

    boolean screened(long responseId) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT 1 FROM safeguarding_screened WHERE response_id = ?", ps -> {
            ps.setLong(1, responseId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }));
    }

    void markScreened(long responseId, Instant at) {
        try {
            tx.executeWrite(s -> jdbc.prepareStatement("INSERT INTO safeguarding_screened (response_id, screened_at) VALUES (?, ?)", ps -> {
                ps.setLong(1, responseId);
                ps.setTimestamp(2, Timestamp.from(at));
                return ps.executeUpdate();
            }));
        } catch (RuntimeException e) {
            if (!screened(responseId)) {
                throw e;
            }
        }
    }

    /** Responses with text answers that were never screened (a crash between commit and screening). */
    List<Long> unscreened(int limit) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT DISTINCT a.response_id FROM answer a "
                + "LEFT JOIN safeguarding_screened s ON s.response_id = a.response_id "
                + "WHERE a.value_text IS NOT NULL AND s.response_id IS NULL ORDER BY a.response_id LIMIT " + limit, ps -> {
            var out = new ArrayList<Long>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        }));
    }

    private Optional<Row> one(String sql, long arg) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            ps.setLong(1, arg);
            return rows(ps).stream().findFirst();
        }));
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        var out = new ArrayList<Row>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long responseId = rs.getLong(3);
                Long response = rs.wasNull() ? null : responseId;
                out.add(new Row(rs.getLong(1), rs.getString(2), response, rs.getString(4), rs.getString(5),
                        Arrays.stream(rs.getString(6).split(",")).filter(c -> !c.isBlank()).toList(), rs.getString(7),
                        instant(rs, 8), instant(rs, 9), rs.getString(10), instant(rs, 11), rs.getString(12),
                        rs.getString(13), rs.getString(14), instant(rs, 15)));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, int i, Object a) throws SQLException {
        if (a instanceof Instant instant) {
            ps.setTimestamp(i, Timestamp.from(instant));
        } else if (a == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, a.toString());
        }
    }
}
