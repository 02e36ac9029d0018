package org.heard.bot;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * Webhook updates, stored before Telegram is answered and handled in the background. An update
 * stored but not handled when the service stopped is handled at the next start; one whose handling
 * fails is marked failed and never retried for ever.
 */
@Singleton
class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;
    private final BotConversation conversation;
    private final ExecutorService executor;
    private final BotConfiguration config;
    /** The last update queued for each chat still being handled. */
    private final Map<Long, CompletableFuture<Void>> chats = new ConcurrentHashMap<>();

    Inbox(JdbcOperations jdbc, TransactionOperations<Connection> tx, Clock clock, BotConversation conversation,
          @Named(TaskExecutors.BLOCKING) ExecutorService executor, BotConfiguration config) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.conversation = conversation;
        this.executor = executor;
        this.config = config;
    }

    /** Stores an update as it came (a repeat of a stored one is ignored) and queues it, as read, for handling. */
    void accept(Update update, String body) {
        long updateId = update.getUpdateId();
        boolean stored;
        try {
            stored = tx.executeWrite(s -> jdbc.prepareStatement(
                    "INSERT INTO bot_inbox (update_id, body, status, received_at) VALUES (?, ?, 'pending', ?)", ps -> {
                        ps.setLong(1, updateId);
                        ps.setString(2, body);
                        ps.setTimestamp(3, Timestamp.from(clock.instant()));
                        return ps.executeUpdate() == 1;
                    }));
        } catch (RuntimeException e) {
            stored = false;
        }
        if (stored) {
            queue(updateId, update);
        }
    }

    /**
     * Handles a chat's updates one at a time, in the order they came, and different chats side by side.
     * Telegram may deliver a chat's updates on parallel connections; handled at the same time, a quick
     * second tap could be read before the first, against a conversation in the wrong place.
     */
    private void queue(long updateId, Update update) {
        Long chat = BotConversation.chatOf(update);
        if (chat == null) {
            executor.submit(() -> process(updateId, update));
            return;
        }
        CompletableFuture<Void> next = chats.compute(chat, (k, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail).thenRunAsync(() -> process(updateId, update), executor));
        Long key = chat;
        next.whenComplete((done, failed) -> chats.remove(key, next));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.enabled() || !"webhook".equals(config.mode())) {
            return;
        }
        executor.submit(this::recover);
    }

    /** Handles every update stored but never handled. */
    void recover() {
        record Pending(long id, String body) {
        }
        List<Pending> pending = tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT update_id, body FROM bot_inbox WHERE status = 'pending' ORDER BY update_id", ps -> {
                    var out = new ArrayList<Pending>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Pending(rs.getLong(1), rs.getString(2)));
                        }
                    }
                    return out;
                }));
        for (Pending p : pending) {
            try {
                queue(p.id(), WebhookController.parse(p.body()));
            } catch (Exception e) {
                LOG.error("Could not read stored Telegram update {}", p.id(), e);
                mark(p.id(), "failed");
            }
        }
    }

    private void process(long updateId, Update update) {
        String status = "done";
        try {
            conversation.handle(update);
        } catch (RuntimeException e) {
            status = "failed";
            LOG.error("Could not handle Telegram update {}", updateId, e);
        }
        mark(updateId, status);
    }

    private void mark(long updateId, String status) {
        tx.executeWrite(t -> jdbc.prepareStatement("UPDATE bot_inbox SET status = ? WHERE update_id = ?", ps -> {
            ps.setString(1, status);
            ps.setLong(2, updateId);
            return ps.executeUpdate();
        }));
    }

    String status(long updateId) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT status FROM bot_inbox WHERE update_id = ?", ps -> {
            ps.setLong(1, updateId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
    }
}
