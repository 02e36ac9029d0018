package org.heard.api;

import com.opencsv.CSVReader;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.staff.AccessLog;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("db")
@MicronautTest(transactional = false)
class ResponseApiTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;
    @Inject
    AccessLog accessLog;

    private Map<String, Object> everyTypeJson(String story) {
        var m = new LinkedHashMap<String, Object>();
        m.put("colour", "blue");
        m.put("pets", List.of("dog"));
        m.put("dog-name", "Rex");
        m.put("happy", 5);
        m.put("safe", "prefer_not_to_say");
        m.put("story", story);
        m.put("age", 11);
        m.put("when", "2026-02-03");
        m.put("agency", "health");
        return m;
    }

    private HttpResponse<Map> post(String survey, Object body) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/surveys/" + survey + "/responses", body), Map.class);
    }

    private Map<String, Object> error(Runnable call, HttpStatus expected) {
        var e = assertThrows(HttpClientResponseException.class, call::run);
        assertEquals(expected, e.getStatus());
        return e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
    }

    @Test
    void storesAnAnswerAndReplaysTheSameReceiptForTheSameKey() {
        String key = Surveys.unique("api-key");
        var body = Map.of("answers", everyTypeJson("hello"), "idempotencyKey", key);
        HttpResponse<Map> first = post(Surveys.EVERY_TYPE, body);
        HttpResponse<Map> again = post(Surveys.EVERY_TYPE, body);
        assertEquals(HttpStatus.CREATED, first.getStatus());
        assertEquals(first.body().get("id"), again.body().get("id"));
        assertEquals(first.body().get("receipt"), again.body().get("receipt"));
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
    }

    @Test
    void theSurveyListCountsEachSurveysResponses() {
        var analyst = StaffTestData.create(accounts, "ANALYST");
        long before = responsesOf(analyst, Surveys.EVERY_TYPE);
        post(Surveys.EVERY_TYPE, Map.of("answers", everyTypeJson("one")));
        post(Surveys.EVERY_TYPE, Map.of("answers", everyTypeJson("two")));
        assertEquals(before + 2, responsesOf(analyst, Surveys.EVERY_TYPE));
    }

    private long responsesOf(StaffTestData.Login login, String survey) {
        List<Map<String, Object>> list = http.toBlocking().retrieve(login.sign(HttpRequest.GET("/api/v1/surveys")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        return list.stream().filter(s -> survey.equals(s.get("id"))).map(s -> ((Number) s.get("responseCount")).longValue())
                .findFirst().orElseThrow();
    }

    @Test
    void explainsEveryInvalidAnswer() {
        var answers = everyTypeJson("x".repeat(501));
        answers.put("happy", "five");
        answers.put("colour", "green");
        answers.put("ghost", "boo");
        answers.remove("dog-name");
        var err = error(() -> post(Surveys.EVERY_TYPE, Map.of("answers", answers)), HttpStatus.BAD_REQUEST);
        assertEquals("invalid_answers", err.get("error"));
        @SuppressWarnings("unchecked") var errors = (Map<String, String>) err.get("errors");
        assertEquals("Give a number, not text", errors.get("happy"));
        assertEquals("There is no question 'ghost' in this survey", errors.get("ghost"));

        answers.put("happy", 9);
        answers.remove("ghost");
        var err2 = error(() -> post(Surveys.EVERY_TYPE, Map.of("answers", answers)), HttpStatus.BAD_REQUEST);
        @SuppressWarnings("unchecked") var errors2 = (Map<String, String>) err2.get("errors");
        assertEquals(Map.of("happy", "Choose a number from 1 to 5", "colour", "Select one of the answers shown",
                "story", "Your answer must be 500 characters or fewer"), errors2);
    }

    @Test
    void unknownAndClosedSurveysAndBadBodiesGetClearErrors() {
        assertEquals("unknown_survey", error(() -> post("nope", Map.of("answers", Map.of())), HttpStatus.NOT_FOUND).get("error"));
        assertEquals("closed", error(() -> post(Surveys.CLOSED, Map.of("answers", Map.of("thoughts", "hi"))), HttpStatus.GONE).get("error"));
        var malformed = error(() -> http.toBlocking().exchange(HttpRequest.POST("/api/v1/surveys/every-type/responses", "{\"answers\": {")
                .contentType(MediaType.APPLICATION_JSON_TYPE), Map.class), HttpStatus.BAD_REQUEST);
        assertEquals("The request body is not valid JSON.", malformed.get("message"));
        var huge = error(() -> post(Surveys.EVERY_TYPE, Map.of("answers", Map.of("story", "x".repeat(2_000_000)))), HttpStatus.REQUEST_ENTITY_TOO_LARGE);
        assertEquals("too_large", huge.get("error"));
        // the service keeps serving
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/api/v1/surveys/every-type"), Map.class).getStatus());
    }

    @Test
    void publishesTheDefinitionWithOptionValues() {
        Map def = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/surveys/every-type"), Map.class);
        List<Map<String, Object>> questions = (List<Map<String, Object>>) def.get("questions");
        var colour = questions.getFirst();
        assertEquals("single_choice", colour.get("type"));
        assertEquals(List.of(Map.of("value", "red", "label", "Red"), Map.of("value", "blue", "label", "Blue")), colour.get("options"));
        var happy = questions.stream().filter(q -> q.get("id").equals("happy")).findFirst().orElseThrow();
        assertEquals(1, ((Map) happy.get("scale")).get("min"));
        var dogName = questions.stream().filter(q -> q.get("id").equals("dog-name")).findFirst().orElseThrow();
        assertEquals(Map.of("question", "pets", "values", List.of("dog")), dogName.get("showIf"));
    }

    @Test
    void staffReadResponsesAndTheReadIsLogged() {
        var analyst = StaffTestData.create(accounts, "ANALYST");
        long id = ((Number) post(Surveys.EVERY_TYPE, Map.of("answers", everyTypeJson("read me"))).body().get("id")).longValue();
        Map r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/responses/" + id)), Map.class);
        assertEquals(List.of("read me"), ((Map) r.get("answers")).get("story"));
        assertEquals(1, accessLog.count(analyst.username(), "read-response", "response " + id));
    }

    @Test
    void agencyLeadSeesOnlyTheirAgencyAndOthersLookMissing() {
        var policeLead = StaffTestData.create(accounts, "AGENCY_LEAD", "police");
        long health = ((Number) post(Surveys.EVERY_TYPE, Map.of("answers", everyTypeJson("health one"))).body().get("id")).longValue();
        var err = error(() -> http.toBlocking().exchange(policeLead.sign(HttpRequest.GET("/api/v1/responses/" + health)), Map.class), HttpStatus.NOT_FOUND);
        assertEquals("There is no response " + health + ".", err.get("message"));
    }

    @Test
    void exportNeutralisesFormulasAndParsesBack() throws Exception {
        var admin = StaffTestData.create(accounts, "ADMIN");
        String evil = "=HYPERLINK(\"http://x\",\"click\") " + Surveys.unique("evil");
        post(Surveys.EVERY_TYPE, Map.of("answers", everyTypeJson(evil)));
        String csv = http.toBlocking().retrieve(admin.sign(HttpRequest.GET("/api/v1/responses/export.csv?survey=every-type")), String.class);
        List<String[]> rows = new CSVReader(new StringReader(csv)).readAll();
        String[] header = rows.getFirst();
        assertEquals("survey_version", header[2]);
        int story = List.of(header).indexOf("story");
        String[] mine = rows.stream().filter(r -> r[story].contains(evil.substring(evil.length() - 10))).findFirst().orElseThrow();
        assertEquals("'" + evil, mine[story]);
        assertNotNull(mine[2]);
        assertTrue(rows.size() > 1);
    }
}
