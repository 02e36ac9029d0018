package org.heard.consultation;

import org.heard.platform.IdList;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.framework.FrameworkCatalog;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Actions taken in response to what children, families and staff said, and which are published. */
@Singleton
public class YouSaidWeDid {
    private static final String COLUMNS = "id, said, did, owner, status, due_on, done_on, evidence, measures, activities, surveys, themes, published";

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final FrameworkCatalog frameworks;
    private final Clock clock;

    YouSaidWeDid(JdbcOperations jdbc, TransactionOperations<Connection> tx, FrameworkCatalog frameworks, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.frameworks = frameworks;
        this.clock = clock;
    }

    public record Saved(@Nullable FollowUpAction action, Map<String, String> errors) {
    }

    public Saved create(FollowUpAction.Draft d) {
        return save(null, d);
    }

    public Optional<Saved> update(long id, FollowUpAction.Draft d) {
        return find(id).map(existing -> save(id, d));
    }

    /** Publishing shows a completed action on the public page; only done actions can be published. */
    public Optional<Map<String, String>> setPublished(long id, boolean published) {
        Optional<FollowUpAction> a = find(id);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        if (published && !a.get().status().equals("done")) {
            return Optional.of(Map.of("status", "Only a done action can be published: children should see what changed"));
        }
        tx.executeWrite(s -> jdbc.prepareStatement("UPDATE consultation_action SET published = ?, updated_at = ? WHERE id = ?", ps -> {
            ps.setBoolean(1, published);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setLong(3, id);
            return ps.executeUpdate();
        }));
        return Optional.of(Map.of());
    }

    public Optional<FollowUpAction> find(long id) {
        return query(" WHERE id = ?", id).stream().findFirst();
    }

    public List<FollowUpAction> all() {
        return query(" ORDER BY id DESC", null);
    }

    /** What the public page shows: done and published. */
    public List<FollowUpAction> published() {
        return query(" WHERE published = TRUE AND status = 'done' ORDER BY done_on DESC, id DESC", null);
    }

    /** Done actions tagged with a measure, completed in a period: outcome evidence for that measure. */
    public List<FollowUpAction> doneFor(String measureId, LocalDate from, LocalDate to) {
        return all().stream().filter(a -> a.status().equals("done") && a.measures().contains(measureId) && a.doneOn() != null
                && !a.doneOn().isBefore(from) && !a.doneOn().isAfter(to)).toList();
    }

    private Saved save(@Nullable Long id, FollowUpAction.Draft d) {
        var errors = new LinkedHashMap<String, String>();
        String said = text(d.said(), "said", "Enter what people said", errors);
        String did = text(d.did(), "did", "Enter what was done or will be done", errors);
        String owner = text(d.owner(), "owner", "Enter the team or role that owns this", errors);
        String status = d.status() == null ? "planned" : d.status().strip();
        if (!FollowUpAction.STATUSES.contains(status)) {
            errors.put("status", "Choose planned, in-progress or done");
        }
        LocalDate due = date(d.dueOn(), "dueOn", errors);
        LocalDate done = date(d.doneOn(), "doneOn", errors);
        if ("done".equals(status) && done == null && !errors.containsKey("doneOn")) {
            done = LocalDate.now(clock);
        }
        List<String> measures = ActivityDraft.orEmpty(d.measures());
        measures.stream().filter(m -> !frameworks.exists(m)).findFirst()
                .ifPresent(m -> errors.put("measures", "'" + m + "' is not a framework measure"));
        if (!errors.isEmpty()) {
            return new Saved(null, errors);
        }
        var action = new FollowUpAction(id, said, did, owner, status, due, done, d.evidence() == null ? null : d.evidence().strip(),
                measures, ActivityDraft.orEmpty(d.activities()), ActivityDraft.orEmpty(d.surveys()), ActivityDraft.orEmpty(d.themes()), false);
        final LocalDate doneOn = done;
        long saved = tx.executeWrite(s -> {
            String sql = id == null
                    ? "INSERT INTO consultation_action (said, did, owner, status, due_on, done_on, evidence, measures, activities, surveys, themes, updated_at, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)"
                    : "UPDATE consultation_action SET said = ?, did = ?, owner = ?, status = ?, due_on = ?, done_on = ?, evidence = ?, measures = ?, activities = ?, surveys = ?, themes = ?, updated_at = ?, "
                    + "published = CASE WHEN ? = 'done' THEN published ELSE FALSE END WHERE id = ?";
            try (var ps = jdbc.getConnection().prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, action.said());
                ps.setString(2, action.did());
                ps.setString(3, action.owner());
                ps.setString(4, action.status());
                setDate(ps, 5, action.dueOn());
                setDate(ps, 6, doneOn);
                ps.setString(7, action.evidence());
                ps.setString(8, IdList.encode(action.measures()));
                ps.setString(9, IdList.encode(action.activities()));
                ps.setString(10, IdList.encode(action.surveys()));
                ps.setString(11, IdList.encode(action.themes()));
                ps.setTimestamp(12, Timestamp.from(clock.instant()));
                if (id != null) {
                    ps.setString(13, action.status());
                    ps.setLong(14, id);
                }
                ps.executeUpdate();
                if (id != null) {
                    return id;
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not store the action", e);
            }
        });
        return new Saved(find(saved).orElseThrow(), Map.of());
    }

    private List<FollowUpAction> query(String rest, @Nullable Long arg) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT " + COLUMNS + " FROM consultation_action" + rest, ps -> {
            if (arg != null) {
                ps.setLong(1, arg);
            }
            var out = new ArrayList<FollowUpAction>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FollowUpAction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            localDate(rs.getDate(6)), localDate(rs.getDate(7)), rs.getString(8), IdList.decode(rs.getString(9)),
                            IdList.decode(rs.getString(10)), IdList.decode(rs.getString(11)), IdList.decode(rs.getString(12)),
                            rs.getBoolean(13)));
                }
            }
            return out;
        }));
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static void setDate(java.sql.PreparedStatement ps, int i, @Nullable LocalDate d) throws java.sql.SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    @Nullable
    private static String text(@Nullable String s, String field, String message, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            errors.put(field, message);
            return null;
        }
        if (s.length() > 5000) {
            errors.put(field, "Keep this to 5,000 characters or fewer");
        }
        return s.strip();
    }

    @Nullable
    private static LocalDate date(@Nullable String s, String field, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter the date like 2026-03-31");
            return null;
        }
    }
}
