package org.heard.testing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/** Plain SQL for tests that must put the database into a state the service itself never would (a crash). */
@Singleton
public class TestSql {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    TestSql(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public int update(String sql, Object... args) {
        return tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }));
    }

    /**
     * A far-future year no response in this database falls in, nor the years either side of it, so a
     * test can own a period even in a database that other runs have filled.
     */
    public int unusedYear() {
        var random = new java.util.Random();
        while (true) {
            int year = 2200 + random.nextInt(7000);
            long used = number("SELECT COUNT(*) FROM response WHERE submitted_at >= ? AND submitted_at < ?",
                    java.sql.Timestamp.valueOf(java.time.LocalDate.of(year - 1, 1, 1).atStartOfDay()),
                    java.sql.Timestamp.valueOf(java.time.LocalDate.of(year + 2, 1, 1).atStartOfDay()));
            if (used == 0) {
                return year;
            }
        }
    }

    /** The first column of the first row, as a number (for counts). */
    public long number(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }));
    }

    /** The first column of the first row, as text. */
    public String text(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
    }
}
