package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.platform.IdList;
import org.heard.platform.Sql;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Courses and their sessions: add, change, remove and find. */
@Singleton
public class Courses {
    // No 0/O, 1/I/L: a code read off a projector or a printed sheet should survive being typed.
    private static final char[] CODE_LETTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final String COURSE = "SELECT id, ref, title, outcomes, areas, measures FROM training_course";
    private static final String SESSION = "SELECT id, course_id, held_on, trainer, venue, capacity, code FROM training_session";

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final TrainingRules rules;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Courses(Sql sql, TransactionOperations<Connection> tx, TrainingRules rules, Clock clock) {
        this.sql = sql;
        this.tx = tx;
        this.rules = rules;
        this.clock = clock;
    }

    /** What saving gave: the thing saved, or what to fix by field. */
    public record Saved<T>(@Nullable T value, Map<String, String> errors, boolean created) {
        static <T> Saved<T> invalid(Map<String, String> errors) {
            return new Saved<>(null, errors, false);
        }
    }

    /** Adds a course, or changes the one with the same reference. */
    public Saved<Course> save(CourseDraft d) {
        Map<String, String> errors = rules.course(d);
        if (!errors.isEmpty()) {
            return Saved.invalid(errors);
        }
        String ref = TrainingRules.blank(d.ref()) ? "C-" + UUID.randomUUID().toString().substring(0, 8) : d.ref().strip();
        return tx.executeWrite(s -> {
            Optional<Course> existing = byRef(ref);
            if (existing.isPresent()) {
                write(existing.get().id(), ref, d);
                return new Saved<>(course(existing.get().id()).orElseThrow(), Map.of(), false);
            }
            long id = sql.insert("INSERT INTO training_course (ref, title, outcomes, areas, measures, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                    ref, d.title().strip(), String.join("\n", TrainingRules.orEmpty(d.outcomes())),
                    IdList.encode(TrainingRules.orEmpty(d.areas())), IdList.encode(TrainingRules.orEmpty(d.measures())), now());
            return new Saved<>(course(id).orElseThrow(), Map.of(), true);
        });
    }

    /** Changes a course; its reference stays. */
    public Optional<Saved<Course>> update(long id, CourseDraft d) {
        Optional<Course> current = course(id);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> errors = rules.course(d);
        if (!errors.isEmpty()) {
            return Optional.of(Saved.invalid(errors));
        }
        tx.executeWrite(s -> write(id, current.get().ref(), d));
        return Optional.of(new Saved<>(course(id).orElseThrow(), Map.of(), false));
    }

    private int write(long id, String ref, CourseDraft d) {
        return sql.update("UPDATE training_course SET ref = ?, title = ?, outcomes = ?, areas = ?, measures = ?, updated_at = ? WHERE id = ?",
                ref, d.title().strip(), String.join("\n", TrainingRules.orEmpty(d.outcomes())),
                IdList.encode(TrainingRules.orEmpty(d.areas())), IdList.encode(TrainingRules.orEmpty(d.measures())), now(), id);
    }

    public boolean delete(long id) {
        return tx.executeWrite(s -> sql.update("DELETE FROM training_course WHERE id = ?", id) == 1);
    }

    public Optional<Course> course(long id) {
        return tx.executeRead(s -> sql.one(COURSE + " WHERE id = ?", Courses::course, id));
    }

    Optional<Course> byRef(String ref) {
        return sql.one(COURSE + " WHERE ref = ?", Courses::course, ref);
    }

    public List<Course> all() {
        return tx.executeRead(s -> sql.list(COURSE + " ORDER BY title, id", Courses::course));
    }

    /** Adds a session to a course; empty when there is no such course. */
    public Optional<Saved<TrainingSession>> addSession(long courseId, SessionDraft d) {
        if (course(courseId).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> errors = rules.session(d);
        if (!errors.isEmpty()) {
            return Optional.of(Saved.invalid(errors));
        }
        long id = tx.executeWrite(s -> sql.insert(
                "INSERT INTO training_session (course_id, held_on, trainer, venue, capacity, code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                courseId, TrainingRules.date(d.heldOn()), d.trainer().strip(), d.venue().strip(), d.capacity(), newCode(), now()));
        return Optional.of(new Saved<>(session(id).orElseThrow(), Map.of(), true));
    }

    /** Changes a session's details; its code (and so its printed QR code) stays. */
    public Optional<Saved<TrainingSession>> updateSession(long id, SessionDraft d) {
        if (session(id).isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> errors = rules.session(d);
        if (!errors.isEmpty()) {
            return Optional.of(Saved.invalid(errors));
        }
        tx.executeWrite(s -> sql.update("UPDATE training_session SET held_on = ?, trainer = ?, venue = ?, capacity = ?, updated_at = ? WHERE id = ?",
                TrainingRules.date(d.heldOn()), d.trainer().strip(), d.venue().strip(), d.capacity(), now(), id));
        return Optional.of(new Saved<>(session(id).orElseThrow(), Map.of(), false));
    }

    public boolean deleteSession(long id) {
        return tx.executeWrite(s -> sql.update("DELETE FROM training_session WHERE id = ?", id) == 1);
    }

    public Optional<TrainingSession> session(long id) {
        return tx.executeRead(s -> sql.one(SESSION + " WHERE id = ?", Courses::session, id));
    }

    public Optional<TrainingSession> sessionByCode(String code) {
        return tx.executeRead(s -> sql.one(SESSION + " WHERE code = ?", Courses::session, code.toUpperCase(java.util.Locale.ROOT)));
    }

    public List<TrainingSession> sessions(long courseId) {
        return tx.executeRead(s -> sql.list(SESSION + " WHERE course_id = ? ORDER BY held_on DESC, id DESC", Courses::session, courseId));
    }

    private String newCode() {
        var code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_LETTERS[random.nextInt(CODE_LETTERS.length)];
        }
        return new String(code);
    }

    private Instant now() {
        return clock.instant();
    }

    private static Course course(ResultSet rs) throws SQLException {
        List<String> outcomes = Arrays.stream(rs.getString("outcomes").split("\n")).filter(o -> !o.isBlank()).toList();
        return new Course(rs.getLong("id"), rs.getString("ref"), rs.getString("title"), outcomes,
                IdList.decode(rs.getString("areas")), IdList.decode(rs.getString("measures")));
    }

    private static TrainingSession session(ResultSet rs) throws SQLException {
        return new TrainingSession(rs.getLong("id"), rs.getLong("course_id"), rs.getDate("held_on").toLocalDate(),
                rs.getString("trainer"), rs.getString("venue"), rs.getInt("capacity"), rs.getString("code"));
    }
}
