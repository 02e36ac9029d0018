package org.heard.theme;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.definition.Problem;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.response.SubmitOutcome;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Codebooks, hand coding and discovery through the real HTTP server and database. */
@Tag("db")
@MicronautTest(transactional = false)
class CodebookApiTest {
    static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);
    static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(Argument.mapOf(String.class, Object.class));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;
    @Inject
    ResponseService responses;

    StaffTestData.Login analyst;
    String book;

    @BeforeEach
    void signIn() {
        analyst = StaffTestData.create(accounts, "ANALYST");
    }

    private String get(String path) {
        return http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(path)));
    }

    private HttpResponse<Map<String, Object>> put(String path, String yaml) {
        return http.toBlocking().exchange(analyst.sign(HttpRequest.PUT(path, yaml).contentType("application/yaml")), MAP);
    }

    @Inject
    org.heard.search.SearchService search;

    @Test
    void everyShippedCodebookQueryCanBeRead() {
        var problems = new ArrayList<Problem>();
        for (Codebook cb : CodebookFile.readFolder(Path.of("surveys/codebooks"), problems).values()) {
            for (Codebook.Theme t : cb.themes()) {
                if (t.query() != null) {
                    search.compile(t.query());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(search.compile("supervision OR supervisor").matches("My supervisor listens"));
    }

    @Test
    void aCodebookFileComesInAtStartUpAndGoesOutAndBackUnchanged() throws Exception {
        var problems = new ArrayList<Problem>();
        Codebook file = CodebookFile.read(Files.readString(Path.of("src/test/resources/test-surveys/codebooks/test-worries.yaml")),
                "test-worries.yaml", problems).orElseThrow();
        assertEquals(List.of(), problems);

        String served = get("/api/v1/codebooks/test-worries.yaml");
        Codebook back = CodebookFile.read(served, "served.yaml", problems).orElseThrow();
        assertEquals(file, back, "the file brought in at start-up is served as it was written");
        assertEquals("Online safety", back.theme("Grooming").orElseThrow().parent());

        // The served YAML, renamed, makes an identical second codebook: the round trip loses nothing.
        String name = "copy-" + UUID.randomUUID().toString().substring(0, 8);
        var created = put("/api/v1/codebooks/" + name, served.replace("name: test-worries", "name: " + name));
        assertEquals(HttpStatus.CREATED, created.getStatus());
        Codebook copy = CodebookFile.read(get("/api/v1/codebooks/" + name + ".yaml"), "copy.yaml", problems).orElseThrow();
        assertEquals(new Codebook(name, file.title(), file.description(), file.threshold(), file.themes()), copy);
    }

    @SuppressWarnings("unchecked")
    @Test
    void anInvalidCodebookIsRefusedWithTheLineOfEachProblem() {
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        var e = assertThrows(HttpClientResponseException.class, () -> put("/api/v1/codebooks/" + name, """
                name: %s
                threshold: 2
                themes:
                  - name: Safe
                  - name: safe
                  - name: Online
                    parent: Nowhere
                  - name: Broken query
                    query: '"unclosed'
                """.formatted(name)));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        Map<String, String> errors = (Map<String, String>) e.getResponse().getBody(MAP).orElseThrow().get("errors");
        assertEquals("threshold must be between 0 and 1", errors.get("line 2"));
        assertEquals("the theme name is used twice", errors.get("line 5, theme 'safe'"));
        assertTrue(errors.values().stream().anyMatch(m -> m.contains("names a parent 'Nowhere'")), errors.toString());
        assertEquals(HttpStatus.NOT_FOUND, assertThrows(HttpClientResponseException.class,
                () -> get("/api/v1/codebooks/" + name)).getStatus(), "nothing is half-stored");
    }

    @Test
    void staffCodeAnswersByHandAndARejectedSuggestionIsNotOfferedAgain() throws Exception {
        String marker = "qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        long id = submit("I have been on the waiting list for months " + marker);
        String filter = "?q=" + marker;
        // A codebook of this test's own: codes that other runs left in a shared database must not teach it.
        book = "worries-" + UUID.randomUUID().toString().substring(0, 8);
        put("/api/v1/codebooks/" + book, Files.readString(Path.of("src/test/resources/test-surveys/codebooks/test-worries.yaml"))
                .replace("name: test-worries", "name: " + book));

        // The theme query of "Waiting for help" suggests it, with full confidence.
        List<Map<String, Object>> toCode = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/codebooks/" + book + "/suggestions" + filter)), LIST);
        assertEquals(1, toCode.size());
        assertEquals(List.of(Map.of("theme", "Waiting for help", "confidence", 1.0, "source", "query")), toCode.getFirst().get("suggestions"));

        code(id, "Waiting for help", "rejected");
        toCode = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/codebooks/" + book + "/suggestions" + filter)), LIST);
        assertEquals(List.of(), toCode.getFirst().get("suggestions"));

        code(id, "Being listened to", "applied");
        toCode = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/codebooks/" + book + "/suggestions" + filter)), LIST);
        assertEquals(List.of(), toCode, "a coded answer is no longer waiting to be coded");

        var missing = assertThrows(HttpClientResponseException.class, () -> code(id, "No such theme", "applied"));
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        var noAnswer = assertThrows(HttpClientResponseException.class, () -> code(-1, "Grooming", "applied"));
        assertEquals(HttpStatus.NOT_FOUND, noAnswer.getStatus());
    }

    @SuppressWarnings("unchecked")
    @Test
    void discoveryFindsWhatIsDistinctiveAndAClusterBecomesAThemeInOneCall() {
        String marker = "dz" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        for (int i = 0; i < 12; i++) {
            submit(marker + " the bus home is late and the bus stop is dark " + i);
            submit(marker + " my form tutor listens and helps me with homework " + i);
        }
        Map<String, Object> found = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/themes/discover?clusters=2&q=" + marker)), MAP);
        assertEquals(24, found.get("answers"));
        List<String> terms = ((List<Map<String, Object>>) found.get("terms")).stream().map(t -> (String) t.get("term")).toList();
        assertTrue(terms.contains("bus stop") && terms.contains("form tutor"), terms.toString());
        List<Map<String, Object>> clusters = (List<Map<String, Object>>) found.get("clusters");
        assertEquals(2, clusters.size());
        for (Map<String, Object> c : clusters) {
            assertEquals(12, c.get("size"));
            assertEquals(Map.of("children_young_people", 100.0), c.get("shareByAudience"));
            List<String> quotes = (List<String>) c.get("quotes");
            assertTrue(quotes.size() >= 3 && quotes.size() <= 5, quotes.toString());
        }

        String name = "promoted-" + UUID.randomUUID().toString().substring(0, 8);
        put("/api/v1/codebooks/" + name, "name: " + name + "\n");
        Map<String, Object> theme = (Map<String, Object>) clusters.getFirst().get("theme");
        var added = http.toBlocking().exchange(analyst.sign(HttpRequest.POST("/api/v1/codebooks/" + name + "/themes", theme)), MAP);
        assertEquals(HttpStatus.CREATED, added.getStatus());
        List<Map<String, Object>> themes = (List<Map<String, Object>>) added.body().get("themes");
        assertEquals(theme.get("name"), themes.getFirst().get("name"));
        assertFalse(((String) themes.getFirst().get("query")).isBlank());
    }

    @Test
    void aClusterTooSmallToQuoteHasNoQuotes() {
        String marker = "sm" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        for (int i = 0; i < 4; i++) {
            submit(marker + " the swimming pool changing rooms are cold " + i);
        }
        Map<String, Object> found = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/themes/discover?clusters=1&q=" + marker)), MAP);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> clusters = (List<Map<String, Object>>) found.get("clusters");
        assertEquals(1, clusters.size());
        assertEquals(List.of(), clusters.getFirst().get("quotes"));
    }

    @Test
    void aThemeWithAMissingParentIsRefusedAndADatasetsCodebookCannotBeDeletedOnItsOwn() {
        String name = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        put("/api/v1/codebooks/" + name, "name: " + name + "\n");
        var orphan = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(analyst.sign(
                HttpRequest.POST("/api/v1/codebooks/" + name + "/themes", Map.of("name", "Child", "description", "", "parent", "Nowhere"))), MAP));
        assertEquals(HttpStatus.BAD_REQUEST, orphan.getStatus());
        assertEquals("The parent theme 'Nowhere' is not in this codebook.", orphan.getResponse().getBody(MAP).orElseThrow().get("message"));
        assertEquals(HttpStatus.NO_CONTENT, http.toBlocking().exchange(analyst.sign(HttpRequest.DELETE("/api/v1/codebooks/" + name))).getStatus());

        String dataset = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        http.toBlocking().exchange(analyst.sign(HttpRequest.POST("/api/v1/datasets/" + dataset + "/import", "id,text,themes\n1,hello there,Greeting\n")
                .contentType("text/csv")), MAP);
        var kept = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(analyst.sign(
                HttpRequest.DELETE("/api/v1/codebooks/" + dataset)), MAP));
        assertEquals(HttpStatus.CONFLICT, kept.getStatus());
        assertTrue(get("/api/v1/codebooks/" + dataset).contains("Greeting"), "nothing was deleted");
    }

    private long submit(String text) {
        var outcome = responses.submit(new Submission(Surveys.YOUNG, Channel.API, Map.of("feel-safe", List.of("yes"),
                "anything-else", List.of(text)), null, null));
        return ((SubmitOutcome.Stored) outcome).id();
    }

    private void code(long responseId, String theme, String verdict) {
        http.toBlocking().exchange(analyst.sign(HttpRequest.POST("/api/v1/codebooks/" + book + "/codes",
                Map.of("responseId", responseId, "questionId", "anything-else", "theme", theme, "verdict", verdict))), MAP);
    }
}
