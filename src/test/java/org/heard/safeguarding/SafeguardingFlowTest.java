package org.heard.safeguarding;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.heard.testing.TestSql;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A possible disclosure through the API: signposting at once, one alert, an email, and the leads' workflow. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.mail.host", value = "127.0.0.1")
@Property(name = "heard.mail.port", value = "3025")
class SafeguardingFlowTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;
    @Inject
    Alerts alerts;
    @Inject
    ScreeningListener listener;
    @Inject
    TestSql sql;

    private Map<String, Object> submit(String text, String key) {
        var body = Map.of("idempotencyKey", key, "answers", Map.of("feel-safe", "no", "why-not", text));
        HttpResponse<Map<String, Object>> r = http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/surveys/" + Surveys.YOUNG + "/responses", body), Argument.mapOf(String.class, Object.class));
        return r.body();
    }

    private long alertFor(long responseId) {
        return alerts.list(null).stream().filter(a -> Long.valueOf(responseId).equals(a.responseId())).findFirst().orElseThrow().id();
    }

    @Test
    void aDisclosureIsSignpostedAtOnceRaisesOneAlertAndEmailsTheLeads() throws Exception {
        String key = Surveys.unique("disclosure");
        Map<String, Object> first = submit("my step dad hit's me when mum is at work " + key, key);
        @SuppressWarnings("unchecked") var signpost = (Map<String, Object>) first.get("safeguarding");
        assertEquals(true, signpost.get("flagged"));
        assertTrue(signpost.get("message").toString().contains("0800 1111"));
        assertTrue(signpost.get("message").toString().contains("999"));
        assertFalse(signpost.get("message").toString().toLowerCase().contains("secret"), "never promise secrecy");

        long responseId = ((Number) first.get("id")).longValue();
        long alertId = alertFor(responseId);
        // The same submission again (a double tap): same response, still one alert.
        assertEquals(first.get("id"), submit("my step dad hit's me when mum is at work " + key, key).get("id"));
        assertEquals(1, alerts.list(null).stream().filter(a -> Long.valueOf(responseId).equals(a.responseId())).count());

        assertTrue(MAIL.waitForIncomingEmail(5000, 1));
        MimeMessage mail = MAIL.getReceivedMessages()[MAIL.getReceivedMessages().length - 1];
        assertEquals("dsl@partnership.test", mail.getAllRecipients()[0].toString());
        assertTrue(mail.getSubject().contains("alert " + alertId));
        assertFalse(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail).contains("step dad"), "the email never carries the child's words");
    }

    @Test
    void anOrdinaryAnswerIsNotFlagged() {
        String key = Surveys.unique("ordinary");
        @SuppressWarnings("unchecked") var signpost = (Map<String, Object>) submit("the park is dark and the bus is late", key).get("safeguarding");
        assertEquals(false, signpost.get("flagged"));
        assertNull(signpost.get("message"));
    }

    @Test
    void leadsAcknowledgeAndCloseWithEveryStepAndViewRecorded() {
        var lead = StaffTestData.create(accounts, "SAFEGUARDING_LEAD");
        long responseId = ((Number) submit("i want to kms", Surveys.unique("workflow")).get("id")).longValue();
        long alertId = alertFor(responseId);

        List<Map<String, Object>> open = http.toBlocking().retrieve(lead.sign(HttpRequest.GET("/api/v1/safeguarding/alerts?status=open")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(open.stream().anyMatch(a -> ((Number) a.get("id")).longValue() == alertId));

        Map<String, Object> alert = http.toBlocking().retrieve(lead.sign(HttpRequest.GET("/api/v1/safeguarding/alerts/" + alertId)),
                Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("self_harm_suicide"), alert.get("categories"));
        assertEquals(Surveys.YOUNG, alert.get("surveyId"));
        assertEquals("api", alert.get("channel"));
        @SuppressWarnings("unchecked") var answers = (List<Map<String, Object>>) alert.get("answers");
        assertEquals("i want to kms", answers.getFirst().get("text"));

        http.toBlocking().exchange(lead.sign(HttpRequest.POST("/api/v1/safeguarding/alerts/" + alertId + "/acknowledge", "")));
        http.toBlocking().exchange(lead.sign(HttpRequest.POST("/api/v1/safeguarding/alerts/" + alertId + "/close",
                Map.of("outcome", "referred_front_door", "note", "Called the front door at 10:05"))));

        Alert closed = alerts.open(alertId, "auditor").orElseThrow();
        assertEquals("closed", closed.status());
        assertEquals(lead.username(), closed.acknowledgedBy());
        assertEquals(lead.username(), closed.closedBy());
        assertEquals("referred_front_door", closed.outcome());
        List<String> steps = closed.history().stream().map(s -> s.action() + ":" + s.username()).toList();
        assertTrue(steps.containsAll(List.of("raised:heard", "viewed:" + lead.username(), "acknowledged:" + lead.username(),
                "closed:" + lead.username())), steps.toString());
    }

    @Test
    void answersMissedByACrashAreScreenedAtStartUp() {
        long responseId = ((Number) submit("nobody looks after me and theres no food at home", Surveys.unique("missed")).get("id")).longValue();
        long alertId = alertFor(responseId);
        // As if the service had stopped between storing the answer and screening it.
        sql.update("DELETE FROM safeguarding_alert WHERE id = ?", alertId);
        sql.update("DELETE FROM safeguarding_screened WHERE response_id = ?", responseId);

        listener.onStartup(null);

        assertTrue(alerts.list(null).stream().anyMatch(a -> Long.valueOf(responseId).equals(a.responseId())
                && a.categories().contains("neglect")));
    }
}
