package org.heard.training;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.opencsv.CSVReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.staff.StaffAccounts;
import org.heard.testing.MovableClock;
import org.heard.testing.StaffTestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The impact report on a known set: every figure, the small-number rules, and the three formats. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
@Property(name = "heard.mail.host", value = "127.0.0.1")
@Property(name = "heard.mail.port", value = "3025")
@Property(name = "heard.training.check-every", value = "1h")
class ImpactReportTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    @Inject
    Courses courses;
    @Inject
    Attendance attendance;
    @Inject
    ResponseService responses;
    @Inject
    FollowUpSender sender;
    @Inject
    Invitations invitations;
    @Inject
    ImpactReport reports;
    @Inject
    MovableClock clock;
    @Inject
    StaffAccounts accounts;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    org.heard.testing.TestSql sql;

    static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Test
    void reportsAttendanceRatingsFollowUpsPairedChangeAndExamplesUnderTheSmallNumberRules() throws Exception {
        Course course = TrainingTestData.aCourse(courses);
        LocalDate day = TrainingTestData.aSessionDate();
        TrainingSession session = TrainingTestData.aSession(courses, course, day);
        attendance.importRegister(session.id(), "agency,name,email\n" + "police,,\n".repeat(8) + "health,,\n".repeat(4) + "schools,,\nschools,,\n");

        // Twelve evaluations on the day (8 police, 4 health); the first ten ask to be followed up.
        for (int i = 0; i < 12; i++) {
            TrainingTestData.evaluate(responses, clock, session, TrainingTestData.dayAnswers(i < 8 ? "police" : "health", 4,
                    "Check the home at every visit"), i < 10 ? TrainingTestData.unique("p" + i) : null);
        }
        clock.set(day.plusMonths(3).atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
        while (sender.sendDue() > 0) {
            // send them all
        }
        List<String> codes = codes(session);
        assertEquals(10, codes.size());
        String[] examples = {"I check the home at every visit now", "<script>alert(1)</script> I ask to see the child's room",
                "=HYPERLINK(\"http://x\") I refer sooner", "some days I want to kill myself", "I use the neglect toolkit",
                "I talk to the school nurse", "I record what I see"};
        for (int i = 0; i < 10; i++) {
            boolean changed = i < 7;
            assertInstanceOf(SubmitOutcome.Stored.class, TrainingTestData.followUp(responses, codes.get(i),
                    TrainingTestData.followUpAnswers(i < 8 ? "police" : "health", changed, 5, changed ? examples[i] : null)));
        }

        ImpactReport.CourseImpact c = reports.build(day, day, course.id(), true).courses().getFirst();
        ImpactFigures f = c.figures();
        assertEquals(12L, f.dayResponses().value());
        assertEquals(4.0, f.overall());
        assertEquals(List.of(5.0, 4.0, 3.0), f.outcomes());
        assertEquals(2.0, f.knowledgeBefore());
        assertEquals(4.0, f.knowledgeAfter());
        assertEquals(10L, f.invited().value());
        assertEquals(10L, f.followUps().value());
        assertEquals(100, f.responseRate());
        assertEquals(100, f.knowledgeImproved().percent());
        assertEquals(70, f.confidenceImproved().percent());
        assertEquals(70, f.practiceChanged().percent());
        assertEquals(10L, f.pairs().value());
        assertEquals(1.0, f.knowledgeChange(), "knowledge 4 at the end of the day, 5 at three months");
        assertEquals(0.0, f.confidenceChange());
        assertEquals(70, f.intendedThenChanged().percent());

        // Attendance: 8 police shown; 4 health and 2 schools hidden.
        Map<String, ImpactReport.AgencyCount> byAgency = new java.util.HashMap<>();
        c.attendanceByAgency().forEach(a -> byAgency.put(a.agency(), a));
        assertEquals(8L, byAgency.get("police").attendees().value());
        assertTrue(byAgency.get("health").attendees().suppressed());
        assertTrue(byAgency.get("schools").attendees().suppressed());

        // Per agency: police gave 8 on the day, too few for an average.
        ImpactReport.Group police = c.byAgency().stream().filter(g -> g.id().equals("police")).findFirst().orElseThrow();
        assertEquals(8L, police.figures().dayResponses().value());
        assertNull(police.figures().overall());
        ImpactReport.Group health = c.byAgency().stream().filter(g -> g.id().equals("health")).findFirst().orElseThrow();
        assertTrue(health.figures().dayResponses().suppressed());

        // Examples: from ten follow-ups, never the flagged one.
        assertFalse(c.examples().isEmpty());
        assertTrue(c.examples().contains("I check the home at every visit now"));
        assertTrue(c.examples().stream().noneMatch(e -> e.contains("kill myself")), "a flagged answer is never quoted");
        assertTrue(reports.build(day, day, course.id(), false).courses().getFirst().examples().isEmpty(), "no quotes for viewers");

        var analyst = StaffTestData.create(accounts, "ANALYST");
        String period = "?from=" + day + "&to=" + day + "&course=" + course.id();
        Map<String, Object> json = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/courses/report" + period)),
                Argument.mapOf(String.class, Object.class));
        assertTrue(json.toString().contains("suppressed=true"), "suppressed counts are marked in JSON");
        String csv = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/courses/report.csv" + period)), String.class);
        List<String[]> rows = new CSVReader(new StringReader(csv)).readAll();
        String[] header = rows.getFirst();
        String[] courseRow = rows.stream().filter(r -> r.length > 2 && r[2].equals("course")).findFirst().orElseThrow();
        assertEquals("12", courseRow[List.of(header).indexOf("day_responses")]);
        assertEquals("70", courseRow[List.of(header).indexOf("practice_changed_pct")]);
        assertTrue(rows.stream().anyMatch(r -> r.length > 3 && r[2].equals("attendance") && r[4].equals("c")));
        assertTrue(rows.stream().noneMatch(r -> r.length > 3 && r[3].startsWith("=")), "no cell starts a formula");
        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/training" + period)).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertTrue(html.contains("Recognising neglect"));
        assertTrue(html.contains("Whole course") && html.contains("Agency: Police") && html.contains("Session: "), "rows per course, session and agency");
        assertTrue(html.contains("70% of 10"), "the share with its base");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "quotes are shown as text");
        assertFalse(html.contains("<script>alert(1)"));

        // The course counts as evidence for the measures it is tagged with, and those are no longer gaps.
        Map<String, Object> framework = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/framework/test-qaf?from=" + day + "&to=" + day)), MAP);
        @SuppressWarnings("unchecked") var areas = (List<Map<String, Object>>) framework.get("areas");
        @SuppressWarnings("unchecked") var t1 = (List<Map<String, Object>>) areas.stream().filter(a -> a.get("id").equals("T1"))
                .findFirst().orElseThrow().get("measures");
        Map<String, Object> attendanceMeasure = t1.stream().filter(m -> m.get("id").equals("test-qaf/T1/quantitative-1")).findFirst().orElseThrow();
        assertEquals(false, attendanceMeasure.get("gap"));
        assertEquals(List.of("Training \"Recognising neglect\": 1 session, 14 attendees from 3 agencies; 12 evaluations on the day "
                + "(average rating 4.0 out of 5); 10 at 3 months, of whom 70% report changed practice."), attendanceMeasure.get("otherEvidence"));
    }

    private List<String> codes(TrainingSession session) {
        var tokens = new java.util.ArrayList<String>();
        long n = sql.number("SELECT COUNT(*) FROM training_invitation WHERE session_id = ?", session.id());
        for (long i = 0; i < n; i++) {
            tokens.add(invitations.code(pairToken(session, i)));
        }
        return tokens;
    }

    private String pairToken(TrainingSession session, long index) {
        return sql.text("SELECT pair_token FROM training_invitation WHERE session_id = ? ORDER BY id LIMIT 1 OFFSET " + index, session.id());
    }
}
