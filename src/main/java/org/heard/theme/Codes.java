package org.heard.theme;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.heard.platform.Sql;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The codes staff give answers: a theme applied by hand (or a suggestion confirmed), or a
 * suggestion rejected so it is not offered again. Every change bumps the codebook's codes version
 * in the same transaction, which is how the suggestion model knows it must learn again.
 */
@Singleton
class Codes {
    static final String APPLIED = "applied";
    static final String REJECTED = "rejected";

    private final Sql sql;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    Codes(Sql sql, TransactionOperations<Connection> tx, Clock clock) {
        this.sql = sql;
        this.tx = tx;
        this.clock = clock;
    }

    /** A hand-coded answer with its text, for training. */
    record Coded(AnswerKey key, String text, Set<String> themes) {
    }

    /** The free text of an answer, when the answer exists. */
    Optional<String> text(AnswerKey key) {
        return tx.executeRead(s -> sql.one("SELECT value_text FROM answer WHERE response_id = ? AND question_id = ? AND value_text IS NOT NULL",
                rs -> rs.getString(1), key.responseId(), key.questionId()));
    }

    /** Records a verdict on one theme for one answer, replacing any earlier verdict; inside the caller's transaction when there is one. */
    void set(long codebookId, long themeId, AnswerKey key, String verdict, String by) {
        tx.executeWrite(s -> {
            int changed = sql.update("UPDATE theme_code SET verdict = ?, coded_by = ?, coded_at = ? WHERE theme_id = ? AND response_id = ? AND question_id = ?",
                    verdict, by, clock.instant(), themeId, key.responseId(), key.questionId());
            if (changed == 0) {
                sql.insert("INSERT INTO theme_code (theme_id, response_id, question_id, verdict, coded_by, coded_at) VALUES (?, ?, ?, ?, ?, ?)",
                        themeId, key.responseId(), key.questionId(), verdict, by, clock.instant());
            }
            return bump(codebookId);
        });
    }

    /** Takes a theme off an answer (neither applied nor rejected). */
    boolean remove(long codebookId, long themeId, AnswerKey key) {
        return tx.executeWrite(s -> {
            int n = sql.update("DELETE FROM theme_code WHERE theme_id = ? AND response_id = ? AND question_id = ?",
                    themeId, key.responseId(), key.questionId());
            bump(codebookId);
            return n > 0;
        });
    }

    private int bump(long codebookId) {
        return sql.update("UPDATE codebook SET codes_version = codes_version + 1 WHERE id = ?", codebookId);
    }

    /** Every answer with at least one theme applied, with its text and themes: what the model learns from. */
    List<Coded> applied(long codebookId) {
        return tx.executeRead(s -> {
            var themes = new HashMap<AnswerKey, Set<String>>();
            var texts = new HashMap<AnswerKey, String>();
            sql.list("SELECT c.response_id, c.question_id, t.name, a.value_text FROM theme_code c JOIN theme t ON t.id = c.theme_id "
                            + "JOIN answer a ON a.response_id = c.response_id AND a.question_id = c.question_id "
                            + "WHERE t.codebook_id = ? AND c.verdict = ? AND a.value_text IS NOT NULL ORDER BY c.response_id, c.question_id, t.sort_order",
                    rs -> {
                        var key = new AnswerKey(rs.getLong(1), rs.getString(2));
                        themes.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(rs.getString(3));
                        texts.put(key, rs.getString(4));
                        return key;
                    }, codebookId, APPLIED);
            var out = new ArrayList<Coded>();
            themes.forEach((k, t) -> out.add(new Coded(k, texts.get(k), t)));
            out.sort(java.util.Comparator.comparing((Coded c) -> c.key().responseId()).thenComparing(c -> c.key().questionId()));
            return out;
        });
    }

    /** A theme applied to an answer, as a page lists it. */
    record Applied(long responseId, String questionId, String text, String theme, String codedBy) {
    }

    /** The latest themes applied in a codebook, newest first. */
    List<Applied> recent(long codebookId, int limit) {
        return tx.executeRead(s -> sql.list("SELECT c.response_id, c.question_id, a.value_text, t.name, c.coded_by FROM theme_code c "
                        + "JOIN theme t ON t.id = c.theme_id JOIN answer a ON a.response_id = c.response_id AND a.question_id = c.question_id "
                        + "WHERE t.codebook_id = ? AND c.verdict = ? AND a.value_text IS NOT NULL ORDER BY c.coded_at DESC, c.id DESC LIMIT " + limit,
                rs -> new Applied(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), codebookId, APPLIED));
    }

    /** The verdicts on these answers, by answer then theme name. */
    Map<AnswerKey, Map<String, String>> verdicts(long codebookId, Collection<Long> responseIds) {
        var out = new HashMap<AnswerKey, Map<String, String>>();
        if (responseIds.isEmpty()) {
            return out;
        }
        tx.executeRead(s -> {
            for (List<Long> chunk : chunks(responseIds)) {
                String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                var args = new ArrayList<Object>();
                args.add(codebookId);
                args.addAll(chunk);
                sql.list("SELECT c.response_id, c.question_id, t.name, c.verdict FROM theme_code c JOIN theme t ON t.id = c.theme_id "
                        + "WHERE t.codebook_id = ? AND c.response_id IN (" + in + ")", rs -> {
                            out.computeIfAbsent(new AnswerKey(rs.getLong(1), rs.getString(2)), k -> new java.util.LinkedHashMap<>())
                                    .put(rs.getString(3), rs.getString(4));
                            return null;
                        }, args.toArray());
            }
            return null;
        });
        return out;
    }

    private static List<List<Long>> chunks(Collection<Long> ids) {
        var list = new ArrayList<>(ids);
        var out = new ArrayList<List<Long>>();
        for (int i = 0; i < list.size(); i += 500) {
            out.add(list.subList(i, Math.min(list.size(), i + 500)));
        }
        return out;
    }
}
