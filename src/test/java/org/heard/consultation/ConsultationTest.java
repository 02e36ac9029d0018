package org.heard.consultation;

import com.opencsv.CSVReader;
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
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consultation log end to end. The database outlives a test run, so each test works in a year
 * of its own far in the future and never assumes the log is empty.
 */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.surveys-dir", value = "src/test/resources/test-surveys")
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class ConsultationTest {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;

    StaffTestData.Login analyst;
    int year;

    @BeforeEach
    void setUp() {
        analyst = StaffTestData.create(accounts, "ANALYST");
        year = 2200 + new Random().nextInt(7000);
    }

    private Map<String, Object> activity(String ref, String date, String method, int participants, String followUp) {
        var a = new LinkedHashMap<String, Object>();
        a.put("ref", ref);
        a.put("heldOn", date);
        a.put("title", "Listening to " + ref);
        a.put("audiences", List.of("school"));
        a.put("areas", List.of());
        a.put("measures", List.of());
        a.put("method", method);
        a.put("participants", String.valueOf(participants));
        a.put("leadAgency", "schools");
        a.put("surveys", List.of(Surveys.YOUNG));
        a.put("keyMessages", "They want safer routes home");
        a.put("followUp", followUp);
        return a;
    }

    private HttpResponse<Map<String, Object>> post(String path, Object body) {
        return http.toBlocking().exchange(analyst.sign(HttpRequest.POST(path, body)), MAP);
    }

    private Map<String, Object> get(String path) {
        return http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(path)), MAP);
    }

    @Test
    void activityLifecycleThroughTheApiWithFilters() {
        String ref = Surveys.unique("act");
        var created = post("/api/v1/consultations", activity(ref, year + "-03-01", "focus-group", 12, "Write to the council"));
        assertEquals(HttpStatus.CREATED, created.getStatus());
        long id = ((Number) created.body().get("id")).longValue();
        Map<String, Object> one = get("/api/v1/consultations/" + id);
        assertEquals("Listening to " + ref, one.get("title"));
        assertTrue(((Map<?, ?>) one.get("surveyResponses")).containsKey(Surveys.YOUNG), "linked survey response counts appear with it");

        var changed = activity(ref, year + "-03-02", "event", 15, "");
        http.toBlocking().exchange(analyst.sign(HttpRequest.PUT("/api/v1/consultations/" + id, changed)), MAP);
        assertEquals("event", get("/api/v1/consultations/" + id).get("method"));

        List<Map<String, Object>> found = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/consultations?from=" + year + "-01-01&to=" + year + "-12-31&method=event&audience=school&agency=schools")),
                Argument.listOf(MAP));
        assertEquals(List.of(ref), found.stream().map(a -> a.get("ref")).toList());
        assertTrue(http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/consultations?from=" + year + "-01-01&to=" + year + "-12-31&method=focus-group")), Argument.listOf(MAP)).isEmpty());

        var bad = assertThrows(HttpClientResponseException.class, () -> post("/api/v1/consultations",
                activity(Surveys.unique("bad"), "31/03/2026", "knitting", -1, "")));
        @SuppressWarnings("unchecked") var errors = (Map<String, String>) bad.getResponse().getBody(MAP).orElseThrow().get("errors");
        assertEquals(Map.of("heldOn", "Enter the date like 2026-03-31", "method", "Select how people were heard",
                "participants", "Enter a whole number, like 25"), errors);

        http.toBlocking().exchange(analyst.sign(HttpRequest.DELETE("/api/v1/consultations/" + id)));
        var gone = assertThrows(HttpClientResponseException.class, () -> get("/api/v1/consultations/" + id));
        assertEquals(HttpStatus.NOT_FOUND, gone.getStatus());
    }

    @Test
    void staffAddAnActivityThroughTheFormWithAnAntiForgeryToken() {
        HttpResponse<String> page = http.toBlocking().exchange(analyst.sign(HttpRequest.GET("/staff/consultations/new")).accept(MediaType.TEXT_HTML_TYPE), String.class);
        var m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(m.find());
        Cookie cookie = page.getCookie("heard_csrf").orElseThrow();
        String ref = Surveys.unique("form");
        String form = "csrf=" + m.group(1) + "&ref=" + ref + "&heldOn=" + year + "-05-05&title=Youth+parliament&audiences=young-peoples-parliament"
                + "&audiences=school&method=event&participants=30&under11=&from11To15=20&from16To17=10&adults=&leadAgency=&areas=&measures=&surveys=&keyMessages=%3Cscript%3E&followUp=";
        HttpResponse<String> saved = http.toBlocking().exchange(analyst.sign(HttpRequest.POST("/staff/consultations/save", form))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(HttpStatus.SEE_OTHER, saved.getStatus());
        List<Map<String, Object>> found = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/consultations?from=" + year + "-05-05&to=" + year + "-05-05")), Argument.listOf(MAP));
        assertEquals(1, found.size());
        assertEquals(List.of("young-peoples-parliament", "school"), found.getFirst().get("audiences"));

        var missingToken = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(analyst.sign(
                HttpRequest.POST("/staff/consultations/save", form.replace(m.group(1), "f".repeat(64))))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, missingToken.getStatus());
    }

    @Test
    void importReportsBadRowsStoresGoodOnesAndReimportUpdates() throws Exception {
        String a = Surveys.unique("imp");
        String b = Surveys.unique("imp");
        String csv = String.join(",", ActivityCsv.HEADER) + "\n"
                + a + "," + year + "-06-01,School visit,school;youth-club,,,event,40,,30,10,,schools,,\"Feel safe, mostly\",Report back\n"
                + b + ",not a date,Bad row,aliens,,,event,x,,,,,,,,\n"
                + ",\"" + year + "-06-02\",No ref,school,,,event,3,,,,,,,,\n";
        Map<String, Object> report = http.toBlocking().retrieve(analyst.sign(HttpRequest.POST("/api/v1/consultations/import", csv)
                .contentType(MediaType.of("text/csv"))), MAP);
        assertEquals(1, report.get("imported"));
        @SuppressWarnings("unchecked") var rejected = (List<Map<String, Object>>) report.get("rejected");
        assertEquals(2, rejected.size());
        assertEquals(3, rejected.get(0).get("row"));
        @SuppressWarnings("unchecked") var reasons = (Map<String, String>) rejected.get(0).get("reasons");
        assertEquals("Enter the date like 2026-03-31", reasons.get("heldOn"));
        assertEquals("'aliens' is not an audience group", reasons.get("audiences"));
        assertEquals(4, rejected.get(1).get("row"));

        // Export, then import the export: every row updates, nothing is duplicated.
        String exported = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/consultations/export.csv")), String.class);
        List<String[]> rows = new CSVReader(new StringReader(exported)).readAll();
        String[] mine = rows.stream().filter(r -> r[0].equals(a)).findFirst().orElseThrow();
        assertEquals("school;youth-club", mine[3]);
        assertEquals("Feel safe, mostly", mine[14]);
        Map<String, Object> again = http.toBlocking().retrieve(analyst.sign(HttpRequest.POST("/api/v1/consultations/import", exported)
                .contentType(MediaType.of("text/csv"))), MAP);
        assertEquals(0, again.get("imported"));
        assertEquals(rows.size() - 1, again.get("updated"));
        List<Map<String, Object>> inYear = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/consultations?from=" + year + "-06-01&to=" + year + "-06-30")), Argument.listOf(MAP));
        assertEquals(1, inYear.size());

        var badHeader = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(analyst.sign(
                HttpRequest.POST("/api/v1/consultations/import", "name,date\nx,y\n").contentType(MediaType.of("text/csv"))), MAP));
        assertTrue(badHeader.getResponse().getBody(MAP).orElseThrow().get("message").toString().startsWith("The header is missing"));
    }

    @Test
    void onlyPublishedDoneActionsAppearOnThePublicPageAsText() {
        String marker = Surveys.unique("said");
        var draft = new LinkedHashMap<String, Object>();
        draft.put("said", "<script>alert(1)</script> the park is too dark " + marker);
        draft.put("did", "put in new lights by the path");
        draft.put("owner", "Community safety team");
        draft.put("status", "done");
        long id = ((Number) post("/api/v1/consultations/actions", draft).body().get("id")).longValue();

        String before = http.toBlocking().retrieve(HttpRequest.GET("/you-said-we-did").accept(MediaType.TEXT_HTML_TYPE));
        assertFalse(before.contains(marker), "not published yet");

        post("/api/v1/consultations/actions/" + id + "/publish", "");
        String page = http.toBlocking().retrieve(HttpRequest.GET("/you-said-we-did").accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; the park is too dark " + marker), "shown escaped");
        assertFalse(page.contains("<script>alert(1)"));
        assertTrue(page.contains("put in new lights by the path"));
        assertFalse(page.contains("Community safety team"), "no owner names on the public page");

        post("/api/v1/consultations/actions/" + id + "/unpublish", "");
        assertFalse(http.toBlocking().retrieve(HttpRequest.GET("/you-said-we-did").accept(MediaType.TEXT_HTML_TYPE)).contains(marker));

        draft.put("status", "planned");
        long planned = ((Number) post("/api/v1/consultations/actions", draft).body().get("id")).longValue();
        var refused = assertThrows(HttpClientResponseException.class, () -> post("/api/v1/consultations/actions/" + planned + "/publish", ""));
        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
    }

    @Test
    void reportCountsAKnownSetAndSuppressesSmallNumbers() throws Exception {
        for (int i = 0; i < 5; i++) {
            post("/api/v1/consultations", activity(Surveys.unique("rep"), year + "-09-0" + (i + 1), "focus-group", 10, i < 2 ? "Follow up" : ""));
        }
        post("/api/v1/consultations", activity(Surveys.unique("rep"), year + "-09-10", "event", 3, ""));
        // last year's activities (the comparison period)
        for (int i = 0; i < 7; i++) {
            post("/api/v1/consultations", activity(Surveys.unique("rep"), (year - 1) + "-09-1" + i, "focus-group", 8, ""));
        }
        String period = "from=" + year + "-01-01&to=" + year + "-12-31";
        Map<String, Object> r = get("/api/v1/reports/consultations?" + period);
        assertEquals(Map.of("value", 6, "suppressed", false), r.get("activities"));
        assertEquals(Map.of("value", 7, "suppressed", false), r.get("previousActivities"));
        assertEquals(Map.of("value", 53, "suppressed", false), r.get("participants"));
        var hidden = new java.util.HashMap<String, Object>();
        hidden.put("value", null);
        hidden.put("suppressed", true);
        assertEquals(hidden, r.get("withFollowUp"), "2 is a small number");
        assertEquals(hidden, r.get("withoutFollowUp"), "hidden too, or 6 - 4 would give it away");
        @SuppressWarnings("unchecked") var byMethod = (List<Map<String, Object>>) r.get("byMethod");
        var event = byMethod.stream().filter(m -> m.get("key").equals("event")).findFirst().orElseThrow();
        assertEquals(hidden, event.get("count"));

        String csv = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/consultations.csv?" + period)), String.class);
        List<String[]> rows = new CSVReader(new StringReader(csv)).readAll();
        assertEquals("6", rows.get(1)[3]);
        assertEquals("c", rows.stream().filter(x -> x[0].equals("method") && x[1].equals("event")).findFirst().orElseThrow()[3]);

        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/consultations?" + period)).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("id=\"activities\">6<"), html);
        assertNull(null);
    }

    @Test
    void staffRecordAndPublishAnActionInThePages() {
        HttpResponse<String> page = http.toBlocking().exchange(analyst.sign(HttpRequest.GET("/staff/you-said-we-did")).accept(MediaType.TEXT_HTML_TYPE), String.class);
        var m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(m.find());
        Cookie cookie = page.getCookie("heard_csrf").orElseThrow();
        String marker = Surveys.unique("page");
        String form = "csrf=" + m.group(1) + "&said=buses+stop+too+early+" + marker + "&did=asked+for+a+later+bus&owner=Transport+team&status=done"
                + "&evidence=&dueOn=&doneOn=&measures=&activities=";
        var added = http.toBlocking().exchange(analyst.sign(HttpRequest.POST("/staff/you-said-we-did", form))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(HttpStatus.SEE_OTHER, added.getStatus());
        long id = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/consultations/actions")), Argument.listOf(MAP)).stream()
                .filter(a -> a.get("said").toString().contains(marker)).map(a -> ((Number) a.get("id")).longValue()).findFirst().orElseThrow();
        var expired = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(analyst.sign(
                HttpRequest.POST("/staff/you-said-we-did/" + id + "/publish", "csrf=expired")).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(HttpStatus.BAD_REQUEST, expired.getStatus());
        assertTrue(expired.getResponse().getBody(String.class).orElseThrow().contains("The page had expired, so nothing was changed."));
        assertFalse(http.toBlocking().retrieve(HttpRequest.GET("/you-said-we-did").accept(MediaType.TEXT_HTML_TYPE)).contains(marker),
                "an expired form publishes nothing");
        http.toBlocking().exchange(analyst.sign(HttpRequest.POST("/staff/you-said-we-did/" + id + "/publish", "csrf=" + m.group(1)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertTrue(http.toBlocking().retrieve(HttpRequest.GET("/you-said-we-did").accept(MediaType.TEXT_HTML_TYPE)).contains(marker));
        String list = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/staff/consultations?method=event")).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(list.contains("Consultation log"));
    }

    @Test
    void onlyAnalystsAndAdminsChangeTheLog() {
        var viewer = StaffTestData.create(accounts, "VIEWER");
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(viewer.sign(
                HttpRequest.POST("/api/v1/consultations", activity(Surveys.unique("v"), year + "-01-01", "event", 1, ""))), MAP));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(viewer.sign(HttpRequest.GET("/api/v1/consultations?from=" + year + "-01-01")), String.class).getStatus());
        var anonymous = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/consultations"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());
    }
}
