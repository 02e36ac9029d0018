package org.heard.bot;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Conversation state in the database, so a restart never loses where a young person had got to. */
@Singleton
class Conversations {
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final java.time.Duration expiry;

    Conversations(JdbcOperations jdbc, TransactionOperations<Connection> tx, Clock clock, BotConfiguration config) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.expiry = config.expiry();
    }

    /** Where a chat has got to: the survey, the question index, the answers so far, ticked multiple-choice values. */
    record State(String surveyId, int step, Map<String, List<String>> answers, List<String> ticked, String runKey, Instant updatedAt) {
    }

    Optional<State> find(String chat) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT survey_id, step, answers, ticked, run_key, updated_at FROM bot_conversation WHERE chat_hash = ?", ps -> {
            ps.setString(1, chat);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new State(rs.getString(1), rs.getInt(2), decode(rs.getString(3)), list(rs.getString(4)),
                        rs.getString(5), rs.getTimestamp(6).toInstant()));
            }
        }));
    }

    void save(String chat, State state) {
        tx.executeWrite(s -> {
            jdbc.prepareStatement("DELETE FROM bot_conversation WHERE chat_hash = ?", ps -> {
                ps.setString(1, chat);
                return ps.executeUpdate();
            });
            return jdbc.prepareStatement("INSERT INTO bot_conversation (chat_hash, survey_id, step, answers, ticked, run_key, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                ps.setString(1, chat);
                ps.setString(2, state.surveyId());
                ps.setInt(3, state.step());
                ps.setString(4, encode(state.answers()));
                ps.setString(5, String.join("\n", state.ticked()));
                ps.setString(6, state.runKey());
                ps.setTimestamp(7, Timestamp.from(clock.instant()));
                return ps.executeUpdate();
            });
        });
    }

    void delete(String chat) {
        tx.executeWrite(s -> jdbc.prepareStatement("DELETE FROM bot_conversation WHERE chat_hash = ?", ps -> {
            ps.setString(1, chat);
            return ps.executeUpdate();
        }));
    }

    /** Records an update id; false when it was seen before (a repeated delivery). */
    boolean firstTime(long updateId) {
        try {
            return tx.executeWrite(s -> jdbc.prepareStatement("INSERT INTO bot_update (update_id, received_at) VALUES (?, ?)", ps -> {
                ps.setLong(1, updateId);
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                return ps.executeUpdate() == 1;
            }));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Forgets abandoned conversations and update ids older than Telegram would ever resend (it keeps
     * undelivered updates for a day; we keep ids for two).
     */
    @io.micronaut.scheduling.annotation.Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void tidy() {
        Instant now = clock.instant();
        tx.executeWrite(s -> {
            jdbc.prepareStatement("DELETE FROM bot_update WHERE received_at < ?", ps -> {
                ps.setTimestamp(1, Timestamp.from(now.minus(java.time.Duration.ofDays(2))));
                return ps.executeUpdate();
            });
            return jdbc.prepareStatement("DELETE FROM bot_conversation WHERE updated_at < ?", ps -> {
                ps.setTimestamp(1, Timestamp.from(now.minus(expiry)));
                return ps.executeUpdate();
            });
        });
    }

    // Answers are stored one question a line: id, a tab, then the values separated by tabs (none contain one).
    private static String encode(Map<String, List<String>> answers) {
        var sb = new StringBuilder();
        answers.forEach((id, values) -> sb.append(id).append('\t').append(String.join("\t", values.stream()
                .map(v -> v.replace('\t', ' ').replace('\n', '\u2028')).toList())).append('\n'));
        return sb.toString();
    }

    private static Map<String, List<String>> decode(String stored) {
        var map = new LinkedHashMap<String, List<String>>();
        for (String line : stored.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\t");
            map.put(parts[0], new ArrayList<>(Arrays.stream(parts).skip(1).map(v -> v.replace('\u2028', '\n')).toList()));
        }
        return map;
    }

    private static List<String> list(String stored) {
        return stored == null || stored.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(stored.split("\n")));
    }
}
