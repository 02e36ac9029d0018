package org.heard.staff;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Records every time staff read free text or identifying data: who, what, when. It never holds the
 * content itself, so the log can be shown to a data protection officer as it is.
 */
@Singleton
public class AccessLog {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    AccessLog(JdbcOperations jdbc, TransactionOperations<Connection> tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param action  what was done, e.g. {@code read-response}, {@code export-responses}
     * @param subject what it was done to, by id, e.g. {@code response 42}
     */
    public void record(String username, String action, String subject) {
        tx.executeWrite(status -> jdbc.prepareStatement(
                "INSERT INTO access_log (username, action, subject, at) VALUES (?, ?, ?, ?)", ps -> {
                    ps.setString(1, username);
                    ps.setString(2, action);
                    ps.setString(3, subject.length() > 200 ? subject.substring(0, 200) : subject);
                    ps.setTimestamp(4, Timestamp.from(clock.instant()));
                    return ps.executeUpdate();
                }));
    }

    /** How many times a user did an action to a subject: for audits and tests. */
    public int count(String username, String action, String subject) {
        return tx.executeRead(status -> jdbc.prepareStatement(
                "SELECT COUNT(*) FROM access_log WHERE username = ? AND action = ? AND subject = ?", ps -> {
                    ps.setString(1, username);
                    ps.setString(2, action);
                    ps.setString(3, subject);
                    var rs = ps.executeQuery();
                    rs.next();
                    return rs.getInt(1);
                }));
    }
}
