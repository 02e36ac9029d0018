package org.heard.safeguarding;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the email about an alert cannot be sent, that failure is itself an alert in the queue. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.mail.host", value = "127.0.0.1")
@Property(name = "heard.mail.port", value = "1")
class NotificationFailureTest {
    @Inject
    ResponseService responses;
    @Inject
    Alerts alerts;

    @Test
    void aFailedNotificationRaisesItsOwnAlert() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        long responseId = ((SubmitOutcome.Stored) responses.submit(new Submission(Surveys.YOUNG, Channel.WEB,
                Map.of("feel-safe", List.of("no"), "why-not", List.of("he hits me")), null, null))).id();
        long alertId = alerts.list("open").stream().filter(a -> Long.valueOf(responseId).equals(a.responseId())).findFirst().orElseThrow().id();

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        boolean raised = false;
        while (!raised && System.nanoTime() < deadline) {
            raised = alerts.list("open").stream().anyMatch(a -> a.kind().equals("notification_failure") && a.raisedAt().isAfter(before)
                    && alerts.open(a.id(), "test").orElseThrow().history().stream()
                    .anyMatch(s -> s.note() != null && s.note().contains("alert " + alertId)));
            Thread.sleep(100);
        }
        assertTrue(raised, "a notification-failure alert names alert " + alertId);
        assertTrue(alerts.open(alertId, "test").orElseThrow().history().stream().anyMatch(s -> s.action().equals("notification-failed")));
    }
}
