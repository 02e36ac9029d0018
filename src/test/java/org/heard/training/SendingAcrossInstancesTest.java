package org.heard.training;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.heard.response.ResponseService;
import org.heard.testing.MovableClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow-ups are sent exactly once per person when the service restarts in the middle of sending, and
 * when two instances send at the same time. The second instance is a second application context on
 * the same database.
 */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
@Property(name = "heard.mail.host", value = "127.0.0.1")
@Property(name = "heard.mail.port", value = "3025")
@Property(name = "heard.training.check-every", value = "1h")
@Property(name = "heard.training.batch-size", value = "2")
class SendingAcrossInstancesTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    Courses courses;
    @Inject
    ResponseService responses;
    @Inject
    FollowUpSender sender;
    @Inject
    Invitations invitations;
    @Inject
    MovableClock clock;
    @Inject
    TrainingConfiguration config;

    private ApplicationContext anotherInstance() {
        return ApplicationContext.run(Map.of("heard.test.clock", "movable", "heard.mail.host", "127.0.0.1", "heard.mail.port", "3025",
                "heard.training.check-every", "1h", "heard.training.batch-size", "2"), "test");
    }

    /** A session whose attendees all asked to be followed up; returns their addresses and when they are due. */
    private Instant attendees(List<String> emails) {
        TrainingSession session = TrainingTestData.aSession(courses, TrainingTestData.aCourse(courses), TrainingTestData.aSessionDate());
        for (String email : emails) {
            TrainingTestData.evaluate(responses, clock, session, TrainingTestData.dayAnswers("police", 4, "Ask more questions"), email);
        }
        LocalDate day = session.heldOn();
        return day.plusMonths(3).atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    private static Map<String, Long> received(List<String> emails) {
        return Arrays.stream(MAIL.getReceivedMessages()).map(SendingAcrossInstancesTest::recipient).filter(emails::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static List<String> people(String who, int n) {
        var out = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            out.add(TrainingTestData.unique(who + i));
        }
        return out;
    }

    @Test
    void aRestartInTheMiddleOfSendingSendsTheRestOnceEach() {
        List<String> emails = people("restart", 5);
        Instant due = attendees(emails);
        clock.set(due);
        assertEquals(2, sender.sendDue(), "one batch before the stop");
        // This instance also dies holding one email it had claimed but not sent.
        long held = invitations.due(due, 10).getFirst();
        assertTrue(invitations.claim(held, "an-instance-that-died", due));

        try (ApplicationContext restarted = anotherInstance()) {
            restarted.getBean(MovableClock.class).set(due.plusSeconds(1));
            FollowUpSender next = restarted.getBean(FollowUpSender.class);
            while (next.sendDue() > 0) {
                // the rest, in batches
            }
            assertEquals(4, received(emails).size(), "all but the held one");
            restarted.getBean(MovableClock.class).set(due.plus(config.claimFor()).plusSeconds(2));
            while (next.sendDue() > 0) {
                // the claim has lapsed
            }
        }
        assertTrue(MAIL.waitForIncomingEmail(5000, 5));
        Map<String, Long> got = received(emails);
        assertEquals(5, got.size(), "everyone invited");
        assertTrue(got.values().stream().allMatch(n -> n == 1), "nobody twice: " + got);
    }

    @Test
    void twoInstancesSendingAtOnceSendEachEmailOnce() throws Exception {
        List<String> emails = people("pair", 12);
        Instant due = attendees(emails);
        clock.set(due);
        try (ApplicationContext other = anotherInstance()) {
            other.getBean(MovableClock.class).set(due);
            FollowUpSender second = other.getBean(FollowUpSender.class);
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drain(sender));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drain(second));
            assertEquals(12, a.get() + b.get(), "between them they sent each once");
        }
        assertTrue(MAIL.waitForIncomingEmail(5000, 12));
        Map<String, Long> got = received(emails);
        assertEquals(12, got.size());
        assertTrue(got.values().stream().allMatch(n -> n == 1), "nobody twice: " + got);
    }

    private static int drain(FollowUpSender s) {
        int total = 0;
        for (int n = s.sendDue(); n > 0; n = s.sendDue()) {
            total += n;
        }
        return total;
    }
}
