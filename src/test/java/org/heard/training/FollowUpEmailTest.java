package org.heard.training;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.testing.MovableClock;
import org.heard.testing.TestSql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three-month follow-up by email, with a clock the test moves and an SMTP server on loopback. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
@Property(name = "heard.mail.host", value = "127.0.0.1")
@Property(name = "heard.mail.port", value = "3025")
@Property(name = "heard.training.check-every", value = "1h")
@Property(name = "heard.training.public-url", value = "https://heard.partnership.test")
class FollowUpEmailTest {
    static final Pattern LINK = Pattern.compile("https://heard\\.partnership\\.test/training/follow-up/([A-Za-z0-9_-]{22})");
    static final Pattern UNSUBSCRIBE = Pattern.compile("https://heard\\.partnership\\.test/training/unsubscribe/([A-Za-z0-9_-]{22})");

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
    TestSql sql;
    @Inject
    TrainingConfiguration config;

    private Instant dueFor(LocalDate heldOn) {
        return heldOn.plusMonths(3).atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    private List<MimeMessage> to(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String find(Pattern p, MimeMessage m) {
        Matcher matcher = p.matcher(GreenMailUtil.getBody(m).replace("=\r\n", ""));
        assertTrue(matcher.find(), "the email has the link");
        return matcher.group(1);
    }

    @Test
    void invitationIsDueAtExactlyThreeMonthsThenOneReminderThenTheLinkWorksOnce() throws Exception {
        Course course = TrainingTestData.aCourse(courses);
        LocalDate day = TrainingTestData.aSessionDate();
        TrainingSession session = TrainingTestData.aSession(courses, course, day);
        String email = TrainingTestData.unique("asha");
        long dayResponse = TrainingTestData.evaluate(responses, clock, session,
                TrainingTestData.dayAnswers("police", 4, "Ask about home conditions at every visit"), email);

        // The address is kept for the invitation only: nowhere in the answers or the evaluations.
        assertEquals(0, sql.number("SELECT COUNT(*) FROM answer WHERE value_text = ? OR value_choice = ?", email, email));
        assertEquals(1, sql.number("SELECT COUNT(*) FROM training_evaluation WHERE response_id = ? AND stage = 'day'", dayResponse));

        Instant due = dueFor(day);
        clock.set(due.minusSeconds(1));
        sender.sendDue();
        assertEquals(0, to(email).size(), "nothing before three months");

        clock.set(due);
        sender.sendDue();
        assertTrue(MAIL.waitForIncomingEmail(5000, 1));
        List<MimeMessage> first = to(email);
        assertEquals(1, first.size(), "the invitation, at exactly three months");
        String code = find(LINK, first.getFirst());
        assertTrue(GreenMailUtil.getBody(first.getFirst()).contains("Recognising neglect"));
        sender.sendDue();
        assertEquals(1, to(email).size(), "sent once");

        clock.set(due.plus(config.reminderAfter()).minusSeconds(1));
        sender.sendDue();
        assertEquals(1, to(email).size(), "no reminder early");
        clock.set(due.plus(config.reminderAfter()));
        sender.sendDue();
        assertEquals(2, to(email).size(), "one reminder");
        assertTrue(to(email).get(1).getSubject().startsWith("Reminder: "), "reminder subject");
        assertEquals(code, find(LINK, to(email).get(1)), "the reminder repeats the same personal link");
        clock.set(due.plus(config.reminderAfter()).plus(Duration.ofDays(3)));
        sender.sendDue();
        assertEquals(2, to(email).size(), "never a second reminder");

        SubmitOutcome answered = TrainingTestData.followUp(responses, code,
                TrainingTestData.followUpAnswers("police", true, 5, "I now check the home at every visit"));
        long followUpResponse = assertInstanceOf(SubmitOutcome.Stored.class, answered).id();
        SubmitOutcome again = TrainingTestData.followUp(responses, code, TrainingTestData.followUpAnswers("police", true, 5, "again"));
        assertEquals(FollowUpLink.USED, assertInstanceOf(SubmitOutcome.Refused.class, again).message());

        // Joined by the pair token alone, and the address is gone once it has done its job.
        assertEquals(1, sql.number("SELECT COUNT(*) FROM training_evaluation d JOIN training_evaluation f ON f.pair_token = d.pair_token "
                + "WHERE d.response_id = ? AND d.stage = 'day' AND f.response_id = ? AND f.stage = 'follow-up'", dayResponse, followUpResponse));
        assertEquals(0, sql.number("SELECT COUNT(*) FROM training_invitation WHERE email = ?", email));
        assertEquals(2, sql.number("SELECT COUNT(*) FROM training_email_log l JOIN training_invitation i ON i.id = l.invitation_id "
                + "WHERE i.session_id = ? AND l.outcome = 'sent'", session.id()), "what was sent is recorded");
    }

    @Test
    void noReminderAfterAnAnswerAndTheAddressIsErasedWhenTheWindowCloses() {
        Course course = TrainingTestData.aCourse(courses);
        LocalDate day = TrainingTestData.aSessionDate();
        TrainingSession session = TrainingTestData.aSession(courses, course, day);
        String answers = TrainingTestData.unique("ben");
        String silent = TrainingTestData.unique("cat");
        TrainingTestData.evaluate(responses, clock, session, TrainingTestData.dayAnswers("health", 4, "Use the neglect toolkit"), answers);
        TrainingTestData.evaluate(responses, clock, session, TrainingTestData.dayAnswers("schools", 3, "Talk to the DSL sooner"), silent);

        clock.set(dueFor(day));
        sender.sendDue();
        assertTrue(MAIL.waitForIncomingEmail(5000, 2));
        String code = find(LINK, to(answers).getFirst());
        assertInstanceOf(SubmitOutcome.Stored.class, TrainingTestData.followUp(responses, code,
                TrainingTestData.followUpAnswers("health", false, 4, null)));

        clock.set(dueFor(day).plus(config.reminderAfter()));
        sender.sendDue();
        assertEquals(1, to(answers).size(), "no reminder to someone who answered");
        assertEquals(2, to(silent).size(), "one reminder to someone who did not");

        long before = sql.number("SELECT COUNT(*) FROM training_invitation WHERE email = ?", silent);
        assertEquals(1, before);
        clock.set(dueFor(day).plus(config.window()));
        sender.run();
        assertEquals(0, sql.number("SELECT COUNT(*) FROM training_invitation WHERE email = ?", silent), "erased when the window closes");
        String silentCode = find(LINK, to(silent).getFirst());
        SubmitOutcome late = TrainingTestData.followUp(responses, silentCode, TrainingTestData.followUpAnswers("schools", true, 4, "late"));
        assertTrue(assertInstanceOf(SubmitOutcome.Refused.class, late).message().contains("closed"));
    }

    @Test
    void aFailedSendIsRetriedWithAGrowingWaitAndLogged() {
        Course course = TrainingTestData.aCourse(courses);
        LocalDate day = TrainingTestData.aSessionDate();
        TrainingSession session = TrainingTestData.aSession(courses, course, day);
        String email = TrainingTestData.unique("dev");
        TrainingTestData.evaluate(responses, clock, session, TrainingTestData.dayAnswers("police", 4, "Record what I see"), email);

        Instant due = dueFor(day);
        MAIL.stop();
        clock.set(due);
        sender.sendDue();
        long id = sql.number("SELECT id FROM training_invitation WHERE email = ?", email);
        Invitation failed = invitations.find(id).orElseThrow();
        assertEquals(1, failed.attempts());
        assertNull(failed.invitedAt());
        assertEquals(1, sql.number("SELECT COUNT(*) FROM training_email_log WHERE invitation_id = ? AND outcome = 'failed'", id));

        // The second failure waits twice as long as the first.
        clock.set(due.plus(config.retryAfter()));
        sender.sendDue();
        assertEquals(2, invitations.find(id).orElseThrow().attempts());
        // Failed at due and at due + 1 wait; the next try is 2 waits later, at due + 3 waits.
        clock.set(due.plus(config.retryAfter().multipliedBy(3)).minusSeconds(1));
        sender.sendDue();
        assertEquals(2, invitations.find(id).orElseThrow().attempts(), "no attempt before the wait is over");

        MAIL.start();
        clock.set(due.plus(config.retryAfter().multipliedBy(3)));
        sender.sendDue();
        assertTrue(MAIL.waitForIncomingEmail(5000, 1));
        assertEquals(1, to(email).size());
        Invitation sent = invitations.find(id).orElseThrow();
        assertNotNull(sent.invitedAt());
        assertEquals(0, sent.attempts());
        assertEquals(1, sql.number("SELECT COUNT(*) FROM training_email_log WHERE invitation_id = ? AND outcome = 'sent'", id));
    }
}
