package org.heard.bot;

import io.micronaut.context.ApplicationContext;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.StoredResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polling mode against a fake Bot API: every kind of question, a bad answer, a restart in the middle,
 * a 429 with retry_after, and a chat that blocked the bot.
 */
@Tag("db")
class TelegramPollingTest {
    private final FakeBotApi api = FakeBotApi.started();
    private final long chat = 6_000_000_000L + new Random().nextInt(1_000_000);
    private long updateId = 1_000_000_000L + new Random().nextInt(100_000_000);
    private ApplicationContext context;

    private ApplicationContext run() {
        return run(Map.of());
    }

    private ApplicationContext run(Map<String, Object> extra) {
        var props = new java.util.HashMap<String, Object>(Map.of("telegram.bot-token", "123456:TEST",
                "telegram.api-url", "http://127.0.0.1:" + api.port(), "telegram.mode", "polling"));
        props.putAll(extra);
        return ApplicationContext.run(props, "test");
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        api.close();
    }

    private void text(String t) {
        api.updates.add(FakeBotApi.text(++updateId, chat, t));
    }

    private void tap(String data) {
        api.updates.add(FakeBotApi.tap(++updateId, chat, data));
    }

    private void waitFor(String what, Predicate<FakeBotApi> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.test(api) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.test(api), "waited for " + what + "; sent: " + api.sentTexts());
    }

    private boolean sent(String text) {
        return api.sentTexts().stream().anyMatch(b -> b.contains(text));
    }

    /** Whether the newest change to a message's buttons shows this text. */
    private boolean edited(String text) {
        var edits = api.calls.stream().filter(c -> c.method().equals("editmessagereplymarkup")).toList();
        return !edits.isEmpty() && edits.getLast().body().contains(text);
    }

    @Test
    void oneChatsPacedRepliesDoNotHoldUpAnother() throws Exception {
        long other = chat + 1;
        // Both chats' updates come in one batch; the first chat's replies must wait two seconds apart.
        text("/start every-type");
        text("/start every-type");
        api.updates.add(FakeBotApi.text(++updateId, other, "/start every-type"));
        context = run(Map.of("telegram.per-chat-interval", "2s"));
        waitFor("both chats' first questions, the first chat's twice",
                a -> a.sentTexts().stream().filter(b -> b.contains(String.valueOf(other)) && b.contains("Which colour")).count() == 1
                        && a.sentTexts().stream().filter(b -> b.contains(String.valueOf(chat)) && b.contains("Which colour")).count() == 2);
        List<String> sent = api.sentTexts();
        int otherFirst = -1;
        int mineLast = -1;
        for (int i = 0; i < sent.size(); i++) {
            if (otherFirst < 0 && sent.get(i).contains(String.valueOf(other))) {
                otherFirst = i;
            }
            if (sent.get(i).contains(String.valueOf(chat))) {
                mineLast = i;
            }
        }
        assertTrue(otherFirst < mineLast, "the second chat was answered while the first waited its turn: " + sent);
    }

    @Test
    void everyKindOfQuestionThroughARestartA429AndABadAnswer() throws Exception {
        context = run();
        api.rateLimitOnce.set(true);
        text("/start every-type");
        waitFor("the first question despite a 429", a -> sent("Which colour do you like best?") && sent("\"Blue\""));
        assertTrue(!api.rateLimitOnce.get(), "the 429 was met, waited out and the message sent again");
        tap(api.button("Blue"));
        waitFor("multiple choice with Done", a -> sent("Which pets do you have?") && sent("Done"));

        // The service restarts mid-survey: the young person carries on where they were.
        context.close();
        context = run();

        tap(api.button("Dog"));
        waitFor("Dog shown ticked", a -> edited("✔️ Dog"));
        tap(api.button("Cat"));
        waitFor("Dog and Cat shown ticked", a -> edited("✔️ Dog") && edited("✔️ Cat"));
        tap(api.button("Done ✅"));
        waitFor("the show-if question", a -> sent("What is your dog called?"));
        text("Rex");
        waitFor("the scale", a -> sent("How happy are you?"));
        tap(api.button("4"));
        waitFor("yes or no", a -> sent("Do you feel safe?"));
        tap(api.button("Prefer not to say"));
        waitFor("long text", a -> sent("Tell us anything else"));
        text("the park needs lights");
        waitFor("a number", a -> sent("How old are you?"));
        text("twelve");
        waitFor("a friendly re-ask", a -> sent("that didn't work: enter a number, like 12"));
        text("12");
        waitFor("a date", a -> sent("When did you last visit?"));
        text("2026-05-01");
        waitFor("the agency buttons", a -> sent("Which agency do you work for?"));
        tap(api.button("Police"));
        waitFor("thanks", a -> sent("Your code is"));
        assertTrue(api.calls.stream().anyMatch(c -> c.method().equals("setmycommands") && c.body().contains("delete")), "the command menu is set");

        var responses = context.getBean(ResponseService.class);
        String key = context.getBean(org.heard.platform.SecretKey.class).hmacHex("telegram-chat", Long.toString(chat));
        List<StoredResponse> mine = responses.forSurvey("every-type").stream().filter(r -> r.channel() == Channel.TELEGRAM
                && r.answers().getOrDefault("story", List.of()).contains("the park needs lights")).toList();
        assertEquals(1, mine.size());
        assertEquals(List.of("dog", "cat"), mine.getFirst().answers().get("pets"));
        assertEquals(List.of("prefer_not_to_say"), mine.getFirst().answers().get("safe"));
        assertEquals("police", mine.getFirst().agency());
        assertEquals(1, responses.deleteByRespondent(key), "stored under the chat's keyed hash");
    }

    @Test
    void anAbandonedConversationExpiresAfterADay() throws Exception {
        context = run(Map.of("heard.test.clock", "movable"));
        var clock = context.getBean(org.heard.testing.MovableClock.class);
        clock.set(java.time.Instant.now());
        text("/start every-type");
        waitFor("the first question", a -> sent("Which colour do you like best?"));
        clock.set(java.time.Instant.now().plus(java.time.Duration.ofHours(25)));
        tap(api.button("Blue"));
        waitFor("the old button to answer nothing", a -> a.calls.stream().anyMatch(c -> c.method().equals("answercallbackquery")
                && c.body().contains("already been answered")));
        String key = context.getBean(org.heard.platform.SecretKey.class).hmacHex("telegram-chat", Long.toString(chat));
        assertTrue(context.getBean(Conversations.class).find(key).isEmpty(), "the expired conversation is gone");
    }

    @Test
    void aChatThatBlockedTheBotIsLeftAlone() throws Exception {
        context = run();
        api.blocked.add(chat);
        text("/start every-type");
        waitFor("the one refused message", a -> a.calls.stream().anyMatch(c -> c.method().equals("sendmessage") && c.body().contains(String.valueOf(chat))));
        Thread.sleep(500);
        long attempts = api.calls.stream().filter(c -> c.method().equals("sendmessage") && c.body().contains(String.valueOf(chat))).count();
        assertEquals(1, attempts, "nothing more is sent after a 403");
        text("hello?");
        Thread.sleep(500);
        assertTrue(context.getBean(Conversations.class).find(context.getBean(org.heard.platform.SecretKey.class)
                .hmacHex("telegram-chat", Long.toString(chat))).isEmpty(), "their conversation is forgotten");
    }
}
