package org.heard.bot;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In webhook mode a chat's updates, arriving together, are handled one at a time in the order they came. */
@Tag("db")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramWebhookOrderTest implements TestPropertyProvider {
    private static final String SECRET = "webhook-secret-for-order-tests";
    private final FakeBotApi api = FakeBotApi.started();
    private final long chat = 7_000_000_000L + new Random().nextInt(1_000_000);
    private long updateId = 800_000_000L + new Random().nextInt(100_000_000);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Inbox inbox;

    @Override
    public Map<String, String> getProperties() {
        return api.webhook(SECRET, "telegram.per-chat-interval", "10ms");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void aChatsUpdatesAreHandledInTheOrderTheyCame() throws Exception {
        var ids = new ArrayList<Long>();
        var expected = new ArrayList<String>();
        for (int i = 0; i < 8; i++) {
            long id = ++updateId;
            ids.add(id);
            boolean every = i % 2 == 0;
            expected.add(every ? "Every kind of question" : "Young voices");
            String json = FakeBotApi.text(id, chat, "/start " + (every ? "every-type" : "young-voices"));
            http.toBlocking().exchange(HttpRequest.POST("/telegram/webhook", json).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                    .contentType("application/json"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!ids.stream().allMatch(id -> "done".equals(inbox.status(id))) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(ids.stream().allMatch(id -> "done".equals(inbox.status(id))), "every update was handled");
        List<String> started = api.sentTexts().stream().filter(b -> b.contains(String.valueOf(chat)))
                .filter(b -> b.contains("\"text\":\"Every kind of question") || b.contains("\"text\":\"Young voices"))
                .map(b -> b.contains("\"text\":\"Every kind of question") ? "Every kind of question" : "Young voices").toList();
        assertEquals(expected, started, "each /start was answered in the order it was sent");
    }
}
