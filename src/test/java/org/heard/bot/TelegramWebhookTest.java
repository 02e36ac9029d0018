package org.heard.bot;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.heard.platform.SecretKey;
import org.heard.response.ResponseService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A young person answers through the bot in webhook mode, with the real Telegram client talking to a fake Bot API. */
@Tag("db")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelegramWebhookTest implements TestPropertyProvider {
    private static final String SECRET = "webhook-secret-for-tests";
    private final FakeBotApi api = FakeBotApi.started();

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ResponseService responses;
    @Inject
    SecretKey secret;
    @Inject
    Inbox inbox;
    @Inject
    org.heard.testing.TestSql sql;

    private final long chat = 5_000_000_000L + new Random().nextInt(1_000_000);
    private long updateId = 900_000_000L + new Random().nextInt(100_000_000);

    @Override
    public Map<String, String> getProperties() {
        return api.webhook(SECRET, "heard.safeguarding.front-door", "Front door: 020 8901 2690");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private void post(String json) {
        http.toBlocking().exchange(HttpRequest.POST("/telegram/webhook", json).header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .contentType("application/json"));
    }

    private String message(long id, String text) {
        return FakeBotApi.text(id, chat, text);
    }

    private String callback(long id, String data) {
        return FakeBotApi.tap(id, chat, data);
    }

    private void waitFor(String what, Predicate<FakeBotApi> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.test(api) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.test(api), "waited for " + what + "; calls: " + api.calls);
    }

    private boolean sent(String text) {
        return api.sentTexts().stream().anyMatch(b -> b.contains(text));
    }

    @Test
    void anUpdateStoredButNotHandledBeforeAStopIsHandledOnRecovery() throws Exception {
        long id = ++updateId + 50_000;
        // As if the service stopped after answering Telegram but before handling the update.
        sql.update("INSERT INTO bot_inbox (update_id, body, status, received_at) VALUES (?, ?, 'pending', CURRENT_TIMESTAMP)",
                id, message(id, "/privacy"));
        inbox.recover();
        waitFor("the recovered update to be handled", a -> sent("What we keep: your answers"));
        // The reply goes out before the update is marked handled, a moment later.
        waitFor("the recovered update to be marked handled", a -> "done".equals(inbox.status(id)));
        assertEquals("done", inbox.status(id));
    }

    @Test
    void aStoredUpdateThatCannotBeReadIsMarkedFailedAndTheRestAreStillHandled() throws Exception {
        long broken = ++updateId + 60_000;
        long fine = broken + 1;
        sql.update("INSERT INTO bot_inbox (update_id, body, status, received_at) VALUES (?, ?, 'pending', CURRENT_TIMESTAMP)",
                broken, "{\"update_id\": " + broken + ", \"message\": [not json");
        sql.update("INSERT INTO bot_inbox (update_id, body, status, received_at) VALUES (?, ?, 'pending', CURRENT_TIMESTAMP)",
                fine, message(fine, "/privacy"));
        inbox.recover();
        waitFor("the readable update to be marked handled", a -> "done".equals(inbox.status(fine)));
        assertEquals("failed", inbox.status(broken));
    }

    @Test
    void aYoungPersonAnswersInTheChatAndIsSignposted() throws Exception {
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/telegram/webhook", message(updateId, "/start")).header("X-Telegram-Bot-Api-Secret-Token", "wrong")
                        .contentType("application/json")));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());

        long first = ++updateId;
        post(message(first, "/start young-voices"));
        waitFor("the first question", a -> sent("Do you feel safe at school?") && sent("\"No\""));
        waitFor("the stored update to be marked handled", a -> "done".equals(inbox.status(first)));
        String oldYes = api.button("Yes");

        long answer = ++updateId;
        String no = api.button("No");
        post(callback(answer, no));
        waitFor("the show-if question", a -> sent("What makes you feel unsafe?"));
        int before = api.calls.size();
        post(callback(answer, no));
        Thread.sleep(300);
        assertEquals(before, api.calls.size(), "a repeated update is ignored");

        post("{\"update_id\":" + (++updateId) + ",\"message\":{\"message_id\":8,\"date\":1795400000,\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"location\":{\"latitude\":51.5,\"longitude\":-0.1}}}");
        waitFor("the text-only reply", a -> sent("I can only read text and buttons"));

        post(message(++updateId, "my step dad hit's me when mum is out"));
        waitFor("the optional question with Skip", a -> sent("Is there anything else you want to tell us?") && sent("\"Skip\""));

        post(callback(++updateId, api.button("Skip")));
        waitFor("thanks, signposting and help", a -> sent("Your code is") && sent("we may need to tell someone whose job is to help")
                && sent("0800 1111") && sent("Front door: 020 8901 2690"));

        post(callback(++updateId, oldYes));
        waitFor("an old button to be refused", a -> a.calls.stream().anyMatch(c -> c.method().equals("answercallbackquery")
                && c.body().contains("already been answered")));

        post(message(++updateId, "/start young-voices"));
        waitFor("a new start", a -> a.sentTexts().stream().filter(b -> b.contains("Do you feel safe at school?")).count() >= 2);
        post(message(++updateId, "/stop"));
        waitFor("stopping", a -> sent("Nothing from that one was saved"));
        String newYes = api.button("Yes");
        post(message(++updateId, "/stop"));
        waitFor("stopping again", a -> a.sentTexts().stream().filter(b -> b.contains("Nothing from that one was saved")).count() >= 2);
        post(callback(++updateId, newYes));
        waitFor("the stopped survey's buttons to answer nothing", a -> a.calls.stream().filter(c -> c.method().equals("answercallbackquery")
                && c.body().contains("already been answered")).count() >= 2);

        String chatHash = secret.hmacHex("telegram-chat", Long.toString(chat));
        post(message(++updateId, "/delete"));
        waitFor("the delete confirmation", a -> sent("del:yes"));
        // A button from an abandoned run never answers a new run's question at the same place.
        assertFalse(oldYes.equals(newYes));
        post(callback(++updateId, "del:yes"));
        waitFor("deletion", a -> sent("We deleted 1 answer"));
        assertEquals(0, responses.deleteByRespondent(chatHash), "nothing of this chat is left");
        assertFalse(api.calls.stream().anyMatch(c -> c.body().contains("latitude")), "a location is never used");
    }
}
