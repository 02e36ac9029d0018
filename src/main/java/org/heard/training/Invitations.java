package org.heard.training;

import org.heard.platform.Sql;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.platform.SecretKey;
import org.heard.survey.SurveyConfiguration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up invitations. A person's personal link carries a code derived from their pair token
 * with the service's secret key, so the reminder can repeat the link without the code being stored;
 * only its hash is kept, to find the invitation again.
 */
@Singleton
class Invitations {
    private static final String COLUMNS = "SELECT id, pair_token, session_id, email, invite_due_at, closes_at, invited_at, "
            + "reminder_due_at, reminded_at, responded_at, unsubscribed_at, attempts FROM training_invitation";
    /** Still wanted: there is an address, no answer yet, no unsubscribe, and the window is open. */
    private static final String LIVE = "email IS NOT NULL AND responded_at IS NULL AND unsubscribed_at IS NULL AND closes_at > ?";
    /** Due now: the invitation, or the one reminder after it. */
    private static final String DUE = "((invited_at IS NULL AND invite_due_at <= ?) OR (invited_at IS NOT NULL AND reminded_at IS NULL AND reminder_due_at <= ?))";

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final SecretKey key;
    private final TrainingConfiguration config;
    private final SurveyConfiguration surveys;

    Invitations(Sql sql, TransactionOperations<Connection> tx, SecretKey key, TrainingConfiguration config, SurveyConfiguration surveys) {
        this.sql = sql;
        this.tx = tx;
        this.key = key;
        this.config = config;
        this.surveys = surveys;
    }

    /** Creates the invitation for someone who gave their address on the day; runs in the caller's transaction. */
    void create(String pairToken, TrainingSession session, String email) {
        Instant due = session.heldOn().plusMonths(config.followUpMonths()).atTime(config.sendAt()).atZone(surveys.zone()).toInstant();
        sql.update("INSERT INTO training_invitation (pair_token, session_id, email, link_hash, invite_due_at, closes_at) VALUES (?, ?, ?, ?, ?, ?)",
                pairToken, session.id(), email, hash(code(pairToken)), due, due.plus(config.window()));
    }

    /** The personal link code for a pair token. */
    String code(String pairToken) {
        byte[] mac = key.hmac("training-follow-up-link", pairToken);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }

    Optional<Invitation> byCode(String code) {
        return tx.executeRead(s -> sql.one(COLUMNS + " WHERE link_hash = ?", Invitations::row, hash(code)));
    }

    Optional<Invitation> find(long id) {
        return tx.executeRead(s -> sql.one(COLUMNS + " WHERE id = ?", Invitations::row, id));
    }

    /** Marks the link used by a response; false when it was used, unsubscribed or closed already. Caller's transaction. */
    boolean respond(String code, Instant now) {
        return sql.update("UPDATE training_invitation SET responded_at = ?, email = NULL, erased_at = ? WHERE link_hash = ? "
                + "AND responded_at IS NULL AND unsubscribed_at IS NULL AND closes_at > ?", now, now, hash(code), now) == 1;
    }

    /** Stops all emails for this link and erases the address; false when there is no such link. */
    boolean unsubscribe(String code, Instant now) {
        return tx.executeWrite(s -> {
            sql.update("UPDATE training_invitation SET unsubscribed_at = ?, email = NULL, erased_at = ? "
                    + "WHERE link_hash = ? AND unsubscribed_at IS NULL", now, now, hash(code));
            return sql.one("SELECT id FROM training_invitation WHERE link_hash = ?", rs -> rs.getLong(1), hash(code)).isPresent();
        });
    }

    /** Invitations with an email due now that nobody holds. */
    List<Long> due(Instant now, int limit) {
        return tx.executeRead(s -> sql.list("SELECT id FROM training_invitation WHERE " + LIVE + " AND " + DUE
                + " AND attempts < ? AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND (claimed_until IS NULL OR claimed_until < ?)"
                + " ORDER BY invite_due_at, id LIMIT " + limit, rs -> rs.getLong(1), now, now, now, config.maxAttempts(), now, now));
    }

    /**
     * Takes an invitation for sending. The check that it is still due and unheld happens in the same
     * statement as the take, so of several instances exactly one gets it, and one that was just sent
     * is no longer due.
     */
    boolean claim(long id, String owner, Instant now) {
        return tx.executeWrite(s -> sql.update("UPDATE training_invitation SET claimed_by = ?, claimed_until = ? WHERE id = ? AND "
                + LIVE + " AND " + DUE + " AND (claimed_until IS NULL OR claimed_until < ?)",
                owner, now.plus(config.claimFor()), id, now, now, now, now) == 1);
    }

    /** Records a send and lets go of the invitation, with the log line, in one transaction. */
    void sent(long id, String owner, boolean reminder, Instant now) {
        tx.executeWrite(s -> {
            if (reminder) {
                sql.update("UPDATE training_invitation SET reminded_at = ?, attempts = 0, next_attempt_at = NULL, last_error = NULL, "
                        + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", now, id, owner);
            } else {
                sql.update("UPDATE training_invitation SET invited_at = ?, reminder_due_at = ?, attempts = 0, next_attempt_at = NULL, "
                        + "last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                        now, now.plus(config.reminderAfter()), id, owner);
            }
            return log(id, reminder, "sent", null, now);
        });
    }

    /** Records a failed send and when to try again, with the log line. */
    void failed(long id, String owner, boolean reminder, Instant now, String error, Instant retryAt) {
        String detail = error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 480));
        tx.executeWrite(s -> {
            sql.update("UPDATE training_invitation SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, "
                    + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?", retryAt, detail, id, owner);
            return log(id, reminder, "failed", detail, now);
        });
    }

    private int log(long id, boolean reminder, String outcome, String detail, Instant now) {
        return sql.update("INSERT INTO training_email_log (invitation_id, kind, outcome, detail, at) VALUES (?, ?, ?, ?, ?)",
                id, reminder ? "reminder" : "invitation", outcome, detail, now);
    }

    /** Erases the addresses of follow-ups whose window has closed; returns how many. */
    int eraseClosed(Instant now) {
        return tx.executeWrite(s -> sql.update("UPDATE training_invitation SET email = NULL, erased_at = ? "
                + "WHERE email IS NOT NULL AND closes_at <= ?", now, now));
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Invitation row(ResultSet rs) throws SQLException {
        return new Invitation(rs.getLong("id"), rs.getString("pair_token"), rs.getLong("session_id"), rs.getString("email"),
                Sql.instant(rs, "invite_due_at"), Sql.instant(rs, "closes_at"), Sql.instant(rs, "invited_at"),
                Sql.instant(rs, "reminder_due_at"), Sql.instant(rs, "reminded_at"), Sql.instant(rs, "responded_at"),
                Sql.instant(rs, "unsubscribed_at"), rs.getInt("attempts"));
    }
}
