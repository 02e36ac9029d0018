package org.heard.safeguarding;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Escalation when nobody acknowledges in time (here: at once). */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.mail.host", value = "127.0.0.1")
@Property(name = "heard.mail.port", value = "3025")
@Property(name = "heard.safeguarding.escalate-after", value = "0s")
@Property(name = "heard.safeguarding.escalation-email", value = "duty-manager@partnership.test")
class EscalationTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    ResponseService responses;
    @Inject
    Alerts alerts;

    @Test
    void anUnacknowledgedAlertIsEscalatedOnceAndTheManagerEmailed() throws Exception {
        long responseId = ((SubmitOutcome.Stored) responses.submit(new Submission(Surveys.YOUNG, Channel.WEB,
                Map.of("feel-safe", List.of("no"), "why-not", List.of("the olders make me hold stuff for them")), null, null))).id();
        long alertId = alerts.list("open").stream().filter(a -> Long.valueOf(responseId).equals(a.responseId())).findFirst().orElseThrow().id();

        assertTrue(alerts.escalateOverdue() >= 1);
        alerts.escalateOverdue();

        Alert escalated = alerts.open(alertId, "auditor").orElseThrow();
        assertNotNull(escalated.escalatedAt());
        assertTrue(escalated.history().stream().filter(s -> s.action().equals("escalated")).count() == 1, "escalated once");
        assertTrue(MAIL.waitForIncomingEmail(5000, 2));
        assertTrue(Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getSubject().contains("alert " + alertId + " has not been acknowledged")
                        && m.getAllRecipients()[0].toString().equals("duty-manager@partnership.test");
            } catch (Exception e) {
                return false;
            }
        }));
    }
}
