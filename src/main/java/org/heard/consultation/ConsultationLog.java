package org.heard.consultation;

import org.heard.platform.IdList;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The consultation log: add, change, remove and find activities. */
@Singleton
public class ConsultationLog {
    private static final String COLUMNS = "id, ref, held_on, title, audiences, areas, measures, method, participants, "
            + "age_under_11, age_11_15, age_16_17, age_18_plus, lead_agency, surveys, key_messages, follow_up";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final ActivityRules rules;
    private final Clock clock;

    ConsultationLog(JdbcOperations jdbc, TransactionOperations<Connection> tx, ActivityRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.rules = rules;
        this.clock = clock;
    }

    /** The outcome of saving: the activity, or what to fix per field. */
    public record Saved(@Nullable Activity activity, Map<String, String> errors, boolean created) {
    }

    /** Adds an activity, or updates the one with the same reference. */
    public Saved save(ActivityDraft draft) {
        ActivityRules.Checked c = rules.check(draft, null, "A-" + UUID.randomUUID().toString().substring(0, 8));
        if (c.activity() == null) {
            return new Saved(null, c.errors(), false);
        }
        return tx.executeWrite(s -> {
            Optional<Activity> existing = findByRef(c.activity().ref());
            if (existing.isPresent()) {
                write("UPDATE consultation_activity SET " + assignments() + " WHERE id = ?", c.activity(), existing.get().id());
                return new Saved(findByRef(c.activity().ref()).orElseThrow(), Map.of(), false);
            }
            write("INSERT INTO consultation_activity (ref, held_on, title, audiences, areas, measures, method, participants, "
                    + "age_under_11, age_11_15, age_16_17, age_18_plus, lead_agency, surveys, key_messages, follow_up, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.activity(), null);
            return new Saved(findByRef(c.activity().ref()).orElseThrow(), Map.of(), true);
        });
    }

    /** Changes the activity with this id; its reference may change too, if no other activity has it. */
    public Optional<Saved> update(long id, ActivityDraft draft) {
        Optional<Activity> current = find(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ActivityRules.Checked c = rules.check(draft, id, current.get().ref());
        if (c.activity() == null) {
            return Optional.of(new Saved(null, c.errors(), false));
        }
        Optional<Activity> clash = findByRef(c.activity().ref()).filter(a -> a.id() != id);
        if (clash.isPresent()) {
            return Optional.of(new Saved(null, Map.of("ref", "Another activity already has this reference"), false));
        }
        tx.executeWrite(s -> {
            write("UPDATE consultation_activity SET " + assignments() + " WHERE id = ?", c.activity(), id);
            return null;
        });
        return Optional.of(new Saved(find(id).orElseThrow(), Map.of(), false));
    }

    public boolean delete(long id) {
        return tx.executeWrite(s -> jdbc.prepareStatement("DELETE FROM consultation_activity WHERE id = ?", ps -> {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        }));
    }

    public Optional<Activity> find(long id) {
        return query("SELECT " + COLUMNS + " FROM consultation_activity WHERE id = ?", List.of(id)).stream().findFirst();
    }

    public Optional<Activity> findByRef(String ref) {
        return query("SELECT " + COLUMNS + " FROM consultation_activity WHERE ref = ?", List.of(ref)).stream().findFirst();
    }

    /** Activities matching the filter, newest first. */
    public List<Activity> list(ActivityFilter f) {
        var where = new StringBuilder(" WHERE 1 = 1");
        var args = new ArrayList<Object>();
        if (f.from() != null) {
            where.append(" AND held_on >= ?");
            args.add(f.from());
        }
        if (f.to() != null) {
            where.append(" AND held_on <= ?");
            args.add(f.to());
        }
        if (f.audience() != null) {
            where.append(" AND audiences LIKE ?");
            args.add(IdList.like(f.audience()));
        }
        if (f.area() != null) {
            where.append(" AND areas LIKE ?");
            args.add(IdList.like(f.area()));
        }
        if (f.method() != null) {
            where.append(" AND method = ?");
            args.add(f.method());
        }
        if (f.agency() != null) {
            where.append(" AND lead_agency = ?");
            args.add(f.agency());
        }
        return query("SELECT " + COLUMNS + " FROM consultation_activity" + where + " ORDER BY held_on DESC, id DESC", args);
    }

    private static String assignments() {
        return "ref = ?, held_on = ?, title = ?, audiences = ?, areas = ?, measures = ?, method = ?, participants = ?, "
                + "age_under_11 = ?, age_11_15 = ?, age_16_17 = ?, age_18_plus = ?, lead_agency = ?, surveys = ?, "
                + "key_messages = ?, follow_up = ?, updated_at = ?";
    }

    private void write(String sql, Activity a, @Nullable Long id) {
        jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, a.ref());
            ps.setDate(2, Date.valueOf(a.heldOn()));
            ps.setString(3, a.title());
            ps.setString(4, IdList.encode(a.audiences()));
            ps.setString(5, IdList.encode(a.areas()));
            ps.setString(6, IdList.encode(a.measures()));
            ps.setString(7, a.method());
            ps.setInt(8, a.participants());
            setInt(ps, 9, a.ageBands().under11());
            setInt(ps, 10, a.ageBands().from11To15());
            setInt(ps, 11, a.ageBands().from16To17());
            setInt(ps, 12, a.ageBands().adults());
            ps.setString(13, a.leadAgency());
            ps.setString(14, IdList.encode(a.surveys()));
            ps.setString(15, a.keyMessages());
            ps.setString(16, a.followUp());
            ps.setTimestamp(17, Timestamp.from(clock.instant()));
            if (id != null) {
                ps.setLong(18, id);
            }
            return ps.executeUpdate();
        });
    }

    private List<Activity> query(String sql, List<Object> args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof java.time.LocalDate d) {
                    ps.setDate(i + 1, Date.valueOf(d));
                } else if (a instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, a.toString());
                }
            }
            var out = new ArrayList<Activity>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Activity(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                            IdList.decode(rs.getString(5)), IdList.decode(rs.getString(6)), IdList.decode(rs.getString(7)),
                            rs.getString(8), rs.getInt(9), new Activity.AgeBands(integer(rs, 10), integer(rs, 11), integer(rs, 12), integer(rs, 13)),
                            rs.getString(14), IdList.decode(rs.getString(15)), rs.getString(16), rs.getString(17)));
                }
            }
            return out;
        }));
    }

    private static void setInt(PreparedStatement ps, int i, @Nullable Integer n) throws SQLException {
        if (n == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, n);
        }
    }

    @Nullable
    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int n = rs.getInt(column);
        return rs.wasNull() ? null : n;
    }
}
