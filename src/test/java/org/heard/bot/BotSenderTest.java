package org.heard.bot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sending through the real client library: pacing per chat, long texts in parts, a blocked chat. */
class BotSenderTest {
    private final FakeBotApi api = FakeBotApi.started();

    private BotSender sender(Duration perChat) {
        return new BotSender(new BotConfiguration("123:TEST", "http://127.0.0.1:" + api.port(), "webhook", null, "bots/telegram.yaml",
                Duration.ofHours(24), perChat, 25));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void sendsAtMostOneMessageASecondToAChat() {
        var sender = sender(Duration.ofSeconds(1));
        long start = System.nanoTime();
        sender.send(42L, "one", null);
        sender.send(42L, "two", null);
        sender.send(42L, "three", null);
        long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(elapsed >= 1900, "three messages to one chat take two seconds, took " + elapsed + " ms");
        assertEquals(3, api.sentTexts().size());
    }

    @Test
    void splitsTextOverTelegramsLimit() {
        sender(Duration.ZERO).send(42L, "a".repeat(BotSender.LIMIT + 10), null);
        assertEquals(2, api.sentTexts().size());
    }

    @Test
    void reportsABlockedChat() {
        api.blocked.add(43L);
        assertThrows(BotSender.Blocked.class, () -> sender(Duration.ZERO).send(43L, "hello", null));
    }
}
