package org.heard.training;

import org.heard.platform.Sql;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.platform.CsvCells;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who came to a session, by agency: recorded one at a time or imported from a register CSV
 * ({@code agency,name,email}; name and email may be empty). Attendance by agency is itself evidence
 * of multi-agency training.
 */
@Singleton
public class Attendance {
    static final List<String> REGISTER_HEADER = List.of("agency", "name", "email");

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final TrainingRules rules;
    private final Courses courses;
    private final Clock clock;

    Attendance(Sql sql, TransactionOperations<Connection> tx, TrainingRules rules, Courses courses, Clock clock) {
        this.sql = sql;
        this.tx = tx;
        this.rules = rules;
        this.courses = courses;
        this.clock = clock;
    }

    @Serdeable
    public record Rejected(int line, Map<String, String> errors) {
        /** Every reason on one line, for a page. */
        public String reasons() {
            return String.join("; ", errors.values());
        }
    }

    /** What an import did: rows kept, rows refused and why. */
    @Serdeable
    public record ImportReport(int imported, List<Rejected> rejected) {
    }

    /** Adds one attendee; empty when there is no such session, otherwise what to fix (empty when stored). */
    public Optional<Map<String, String>> add(long sessionId, AttendeeDraft d) {
        if (courses.session(sessionId).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> errors = rules.attendee(d);
        if (errors.isEmpty()) {
            tx.executeWrite(s -> insert(sessionId, d));
        }
        return Optional.of(errors);
    }

    /**
     * Imports a session's register. The register is the whole list, so it replaces any earlier one
     * and importing the same file twice does not count anyone twice. A bad row is reported with its
     * line and reason and never stops the rest.
     *
     * @throws IllegalArgumentException when the body is not CSV with the register's header
     */
    public Optional<ImportReport> importRegister(long sessionId, String csv) {
        if (courses.session(sessionId).isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, String>> rows = CsvCells.read(csv, REGISTER_HEADER);
        var good = new ArrayList<AttendeeDraft>();
        var rejected = new ArrayList<Rejected>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (row.isEmpty()) {
                continue;
            }
            var d = new AttendeeDraft(row.get("agency"), row.get("name"), row.get("email"));
            Map<String, String> errors = rules.attendee(d);
            if (errors.isEmpty()) {
                good.add(d);
            } else {
                rejected.add(new Rejected(i + 2, errors));
            }
        }
        tx.executeWrite(s -> {
            sql.update("DELETE FROM training_attendance WHERE session_id = ?", sessionId);
            good.forEach(d -> insert(sessionId, d));
            return null;
        });
        return Optional.of(new ImportReport(good.size(), rejected));
    }

    /** Attendees per agency for one session, largest first. */
    public Map<String, Long> byAgency(long sessionId) {
        var out = new LinkedHashMap<String, Long>();
        tx.executeRead(s -> sql.list("SELECT agency, COUNT(*) AS n FROM training_attendance WHERE session_id = ? "
                + "GROUP BY agency ORDER BY n DESC, agency", rs -> out.put(rs.getString("agency"), rs.getLong("n")), sessionId));
        return out;
    }

    private int insert(long sessionId, AttendeeDraft d) {
        return sql.update("INSERT INTO training_attendance (session_id, agency, name, email, recorded_at) VALUES (?, ?, ?, ?, ?)",
                sessionId, d.agency().strip(), TrainingRules.blank(d.name()) ? null : d.name().strip(),
                TrainingRules.blank(d.email()) ? null : d.email().strip(), clock.instant());
    }
}
