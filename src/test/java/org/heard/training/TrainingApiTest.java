package org.heard.training;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.ResponseService;
import org.heard.staff.StaffAccounts;
import org.heard.testing.MovableClock;
import org.heard.testing.StaffTestData;
import org.heard.testing.TestSql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Courses, sessions and attendance over the JSON API, and the public links, through the real HTTP server. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
@Property(name = "heard.training.check-every", value = "1h")
class TrainingApiTest {
    static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;
    @Inject
    MovableClock clock;
    @Inject
    ResponseService responses;
    @Inject
    Courses courses;
    @Inject
    Invitations invitations;
    @Inject
    TestSql sql;

    StaffTestData.Login analyst;

    @BeforeEach
    void signIn() {
        analyst = StaffTestData.create(accounts, "ANALYST");
    }

    private Map<String, Object> post(String path, Object body) {
        return http.toBlocking().retrieve(analyst.sign(HttpRequest.POST(path, body)), MAP);
    }

    @SuppressWarnings("unchecked")
    @Test
    void managesCoursesSessionsAndAttendanceWithReadableErrors() {
        var bad = assertThrows(HttpClientResponseException.class, () -> post("/api/v1/courses",
                Map.of("title", "", "outcomes", List.of("a", "b", "c", "d"), "measures", List.of("no-such/measure"))));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        Map<String, Object> errors = (Map<String, Object>) bad.getResponse().getBody(MAP).orElseThrow().get("errors");
        assertEquals(Map.of("title", "Enter the course title",
                "outcomes", "Enter up to 3 learning outcomes: the evaluation rates each one",
                "measures", "'no-such/measure' is not a framework measure"), errors);

        String ref = "C-" + UUID.randomUUID();
        HttpResponse<Map<String, Object>> created = http.toBlocking().exchange(analyst.sign(HttpRequest.POST("/api/v1/courses",
                Map.of("ref", ref, "title", "Child exploitation", "outcomes", List.of("Know the signs", "Know who to call"),
                        "measures", List.of("test-qaf/T1/quantitative-1")))), MAP);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        long courseId = ((Number) created.body().get("id")).longValue();

        var badSession = assertThrows(HttpClientResponseException.class, () -> post("/api/v1/courses/" + courseId + "/sessions",
                Map.of("heldOn", "31/03/2026", "trainer", "Sam", "venue", "Hall", "capacity", 0)));
        assertEquals(HttpStatus.BAD_REQUEST, badSession.getStatus());
        Map<String, Object> session = post("/api/v1/courses/" + courseId + "/sessions",
                Map.of("heldOn", "2026-03-31", "trainer", "Sam", "venue", "Civic Centre", "capacity", 40));
        Map<String, Object> s = (Map<String, Object>) session.get("session");
        long sessionId = ((Number) s.get("id")).longValue();
        String code = (String) s.get("code");
        assertTrue(((String) session.get("evaluationLink")).endsWith("/training/" + code));

        String svg = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET((String) session.get("qrCode"))), String.class);
        assertTrue(svg.startsWith("<svg") && svg.contains("<path"), "a printable QR code");

        String register = "agency,name,email\npolice,Asha,asha@police.test\nhealth,,\nnot-an-agency,Bo,\nhealth,Cy,not-an-email\n\nschools,,\n";
        Map<String, Object> report = http.toBlocking().retrieve(analyst.sign(HttpRequest.POST(
                "/api/v1/courses/" + courseId + "/sessions/" + sessionId + "/attendance/import", register).contentType("text/csv")), MAP);
        assertEquals(3, report.get("imported"));
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
        assertEquals(List.of(4, 5), rejected.stream().map(r -> r.get("line")).toList(), "bad rows named by line");
        // The register is the whole list: importing it again counts nobody twice.
        http.toBlocking().retrieve(analyst.sign(HttpRequest.POST(
                "/api/v1/courses/" + courseId + "/sessions/" + sessionId + "/attendance/import", register).contentType("text/csv")), MAP);
        post("/api/v1/courses/" + courseId + "/sessions/" + sessionId + "/attendance", Map.of("agency", "police"));
        Map<String, Object> view = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/courses/" + courseId + "/sessions/" + sessionId)), MAP);
        assertEquals(Map.of("police", 2, "health", 1, "schools", 1), view.get("attendanceByAgency"));
        assertTrue(!view.toString().contains("asha@police.test"), "names and addresses stay out of the API");

        var noHeader = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(analyst.sign(HttpRequest.POST(
                "/api/v1/courses/" + courseId + "/sessions/" + sessionId + "/attendance/import", "who,when\n").contentType("text/csv")), MAP));
        assertTrue(noHeader.getResponse().getBody(MAP).orElseThrow().get("message").toString().contains("missing agency"));

        var viewer = StaffTestData.create(accounts, "VIEWER");
        var forbidden = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(viewer.sign(HttpRequest.GET("/api/v1/courses"))));
        assertEquals(HttpStatus.FORBIDDEN, forbidden.getStatus());
    }

    @Test
    void theSessionLinkOpensTheEvaluationWithTheCourseAndTheOptionalAddress() {
        LocalDate day = TrainingTestData.aSessionDate();
        TrainingSession session = TrainingTestData.aSession(courses, TrainingTestData.aCourse(courses), day);
        clock.set(day.atTime(14, 0).toInstant(java.time.ZoneOffset.UTC));

        HttpResponse<String> link = http.toBlocking().exchange(HttpRequest.GET("/training/" + session.code().toLowerCase()), String.class);
        assertEquals(HttpStatus.SEE_OTHER, link.getStatus());
        String form = link.header("Location");
        assertEquals("/s/training-on-the-day?via=session%3A" + session.code(), form);
        String page = http.toBlocking().retrieve(HttpRequest.GET(form).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertTrue(page.contains("Recognising neglect"));
        assertTrue(page.contains("Second learning outcome: Know the local thresholds"));
        assertTrue(page.contains("name=\"link.email\""), "the optional address box");
        assertTrue(page.contains("delete it when the follow-up closes"), "with what happens to the address");

        clock.set(day.plusDays(30).atTime(14, 0).toInstant(java.time.ZoneOffset.UTC));
        var closed = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(HttpRequest.GET(form).accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(HttpStatus.GONE, closed.getStatus());
        var unknown = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(
                HttpRequest.GET("/s/training-on-the-day?via=session:ZZZZZZZZ").accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(HttpStatus.GONE, unknown.getStatus());
    }

    @Test
    void unsubscribingNeedsTheButtonThenStopsEmailsAndErasesTheAddress() {
        LocalDate day = TrainingTestData.aSessionDate();
        TrainingSession session = TrainingTestData.aSession(courses, TrainingTestData.aCourse(courses), day);
        String email = TrainingTestData.unique("una");
        TrainingTestData.evaluate(responses, clock, session, TrainingTestData.dayAnswers("police", 4, "Ask"), email);
        String code = invitations.code(sql.text("SELECT pair_token FROM training_invitation WHERE email = ?", email));

        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/training/unsubscribe/" + code).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(1, sql.number("SELECT COUNT(*) FROM training_invitation WHERE email = ?", email), "opening the link changes nothing");
        var m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(m.find());
        Cookie cookie = page.getCookie("heard_csrf").orElseThrow();
        var forged = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.POST(
                "/training/unsubscribe/" + code, "csrf=" + "0".repeat(64)).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(cookie), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, forged.getStatus());
        String done = http.toBlocking().retrieve(HttpRequest.POST("/training/unsubscribe/" + code, "csrf=" + m.group(1))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(cookie), String.class);
        assertTrue(done.contains("We have deleted your email address"));
        assertEquals(0, sql.number("SELECT COUNT(*) FROM training_invitation WHERE email = ?", email));

        HttpResponse<String> followUp = http.toBlocking().exchange(HttpRequest.GET("/training/follow-up/" + code), String.class);
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(
                HttpRequest.GET(followUp.header("Location")).accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(HttpStatus.GONE, refused.getStatus());
        assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains("asked us not to email you"));
    }

    private HttpResponse<String> postForm(String path, String form, Cookie cookie) {
        return http.toBlocking().exchange(analyst.sign(HttpRequest.POST(path, form)).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class);
    }

    @Test
    void staffPagesAddACourseASessionAndItsRegisterAndShowTheRoomsQrCode() {
        HttpResponse<String> list = http.toBlocking().exchange(analyst.sign(HttpRequest.GET("/staff/training")).accept(MediaType.TEXT_HTML_TYPE), String.class);
        var m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(list.body());
        assertTrue(m.find());
        String csrf = m.group(1);
        Cookie cookie = list.getCookie("heard_csrf").orElseThrow();

        var invalid = assertThrows(HttpClientResponseException.class, () -> postForm("/staff/training/courses", "csrf=" + csrf + "&title=&outcomes=", cookie));
        assertEquals(HttpStatus.BAD_REQUEST, invalid.getStatus());
        assertTrue(invalid.getResponse().getBody(String.class).orElseThrow().contains("href=\"#title\""), "the error summary links to the field");

        String title = "Working with fathers " + UUID.randomUUID();
        HttpResponse<String> added = postForm("/staff/training/courses", "csrf=" + csrf + "&title=" + title.replace(" ", "+")
                + "&outcomes=Engage+fathers%0D%0AAssess+risk&areas=&measures=test-qaf%2FT1%2Fquantitative-1", cookie);
        assertEquals(HttpStatus.SEE_OTHER, added.getStatus());
        String coursePath = added.header("Location");
        HttpResponse<String> session = postForm(coursePath + "/sessions", "csrf=" + csrf + "&heldOn=2026-06-01&trainer=Jo&venue=Town+Hall&capacity=25", cookie);
        assertEquals(HttpStatus.SEE_OTHER, session.getStatus());
        String sessionPath = session.header("Location");
        String page = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(sessionPath)).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertTrue(page.contains("<svg") && page.contains("aria-label=\"QR code for the evaluation link\""), "the QR code is on the page");
        assertTrue(page.contains("/training/"), "with its link written out");

        String register = postForm(sessionPath + "/register", "csrf=" + csrf + "&csv=agency%2Cname%2Cemail%0Apolice%2C%2C%0Anowhere%2C%2C%0A", cookie).body();
        assertTrue(register.contains("1 on the register, 1 rows rejected"));
        assertTrue(register.contains("Line 3: &#39;nowhere&#39; is not on the agency list") || register.contains("Line 3: 'nowhere' is not on the agency list"), register);
    }
}
