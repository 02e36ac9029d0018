package org.heard.search;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("db")
@MicronautTest(transactional = false)
class SearchTest {
    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ResponseService responses;
    @Inject
    StaffAccounts accounts;
    @Inject
    SearchIndex index;

    StaffTestData.Login analyst;

    @BeforeEach
    void ready() throws Exception {
        analyst = StaffTestData.create(accounts, "ANALYST");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (index.progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** A made-up word no other answer contains, so each test finds exactly its own answers. */
    private static String word() {
        return Surveys.uniqueWord();
    }

    private long submit(String survey, Map<String, List<String>> answers, Channel channel) {
        return ((SubmitOutcome.Stored) responses.submit(new Submission(survey, channel, answers, null, null))).id();
    }

    private long young(String text) {
        return submit(Surveys.YOUNG, Map.of("feel-safe", List.of("yes"), "anything-else", List.of(text)), Channel.WEB);
    }

    private Map<String, Object> search(StaffTestData.Login who, String query) {
        return http.toBlocking().retrieve(who.sign(HttpRequest.GET("/api/v1/search?" + query)), MAP);
    }

    private static String q(String s) {
        return "q=" + URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> hits(Map<String, Object> r) {
        return (List<Map<String, Object>>) r.get("hits");
    }

    @Test
    void anAnswerIsSearchableAsSoonAsItIsStoredWithAnInertHighlightedSnippet() {
        String w = word();
        long id = young("<script>alert(1)</script> waiting for help took ages " + w);
        Map<String, Object> r = search(analyst, q(w));
        assertEquals(1, ((Number) r.get("total")).intValue());
        Map<String, Object> hit = hits(r).getFirst();
        assertEquals(id, ((Number) hit.get("responseId")).longValue());
        assertEquals(Surveys.YOUNG, hit.get("surveyId"));
        assertEquals("children_young_people", hit.get("audience"));
        String snippet = hit.get("snippet").toString();
        assertTrue(snippet.contains("<mark>" + w + "</mark>"), snippet);
        assertTrue(snippet.contains("&lt;script&gt;"), snippet);
        assertFalse(snippet.contains("<script>"), snippet);
    }

    @Test
    void theSearchPageShowsEscapedHighlightsFacetsAndLinksToResponses() {
        String w = word();
        long id = young("<img src=x onerror=alert(1)> bullying on the bus " + w);
        String page = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/staff/search?" + q(w)))
                .accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE));
        assertTrue(page.contains("<mark>" + w + "</mark>"), page);
        assertFalse(page.contains("<img src=x"), "the answer is shown as text");
        assertTrue(page.contains("href=\"/staff/responses/" + id + "\""), page);
        assertTrue(page.contains("Children and young people (1)"), page);
        assertTrue(page.contains("id=\"total\">1 answers<"), page);
    }

    @Test
    void stemmingPhrasesBooleansAndWildcards() {
        String w = word();
        young("the olders keep waiting outside school " + w);
        young("my friends waited at the bus stop " + w);
        assertEquals(2, ((Number) search(analyst, q(w + " wait")).get("total")).intValue(), "waiting and waited stem to wait");
        assertEquals(1, ((Number) search(analyst, q(w + " \"bus stop\"")).get("total")).intValue());
        assertEquals(1, ((Number) search(analyst, q(w + " AND NOT olders")).get("total")).intValue());
        assertEquals(2, ((Number) search(analyst, q(w.substring(0, 8) + "*")).get("total")).intValue());
        young("bullying in the changing rooms " + w);
        Map<String, Object> bully = search(analyst, q(w + " AND bully*"));
        assertEquals(1, ((Number) bully.get("total")).intValue(), "a prefix finds the stemmed words it starts");
        String snippet = hits(bully).getFirst().get("snippet").toString();
        assertTrue(snippet.contains("<mark>bullying</mark>"), "the word a prefix matched is marked: " + snippet);
        assertEquals(1, ((Number) search(analyst, q(w + " chang*")).get("total")).intValue());
    }

    @Test
    void safeguardingSynonymsFindEachOther() {
        String w = word();
        young("there should be more help about child sexual exploitation " + w);
        young("I am a looked after child and my placement is good " + w);
        young("people do not know enough about online safety " + w);
        Map<String, Object> cse = search(analyst, q(w + " CSE"));
        assertEquals(1, ((Number) cse.get("total")).intValue());
        String snippet = hits(cse).getFirst().get("snippet").toString();
        assertTrue(snippet.contains("<mark>child sexual exploitation</mark>"), snippet);
        assertEquals(1, ((Number) search(analyst, q(w + " LAC")).get("total")).intValue());
        assertEquals(1, ((Number) search(analyst, q(w + " e-safety")).get("total")).intValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void facetsCountAllHitsAndFiltersNarrowThem() {
        String w = word();
        for (int i = 0; i < 3; i++) {
            young("the park is dark " + w);
        }
        submit(Surveys.STAFF, Map.of("agency", List.of("police"), "supervision", List.of("4"), "comments", List.of("supervision is rushed " + w)), Channel.API);
        Map<String, Object> all = search(analyst, q(w) + "&size=2");
        assertEquals(4, ((Number) all.get("total")).intValue());
        assertEquals(2, hits(all).size());
        var facets = (Map<String, Map<String, Object>>) all.get("facets");
        assertEquals(3, ((Number) facets.get("audience").get("children_young_people")).intValue());
        assertEquals(1, ((Number) facets.get("audience").get("staff")).intValue());
        assertEquals(1, ((Number) facets.get("agency").get("police")).intValue());
        assertEquals(2, hits(search(analyst, q(w) + "&size=2&page=2")).size());
        assertEquals(1, ((Number) search(analyst, q(w) + "&audience=staff").get("total")).intValue());
        assertEquals(3, ((Number) search(analyst, q(w) + "&channel=web&sort=date&size=1").get("total")).intValue());
    }

    @Test
    void malformedQueriesAndBadFiltersGetAReadableError() {
        for (String bad : List.of(q("\"unclosed"), q("(park AND"), "from=yesterday", "size=100000", "sort=sideways")) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> search(analyst, bad));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus(), bad);
            assertEquals("bad_search", e.getResponse().getBody(MAP).orElseThrow().get("error"), bad);
        }
    }

    @Test
    void anErasedResponseCanNeverBeFoundAgain() {
        String w = word();
        long id = young("please delete this " + w);
        assertEquals(1, ((Number) search(analyst, q(w)).get("total")).intValue());
        responses.delete(List.of(id));
        assertEquals(0, ((Number) search(analyst, q(w)).get("total")).intValue());
    }

    @Test
    void answersMissedBeforeARestartAreIndexedByReconciling() {
        String w = word();
        long id = young("missed by the index " + w);
        index.delete(List.of(id));
        assertEquals(0, ((Number) search(analyst, q(w)).get("total")).intValue());
        index.reconcile();
        assertEquals(1, ((Number) search(analyst, q(w)).get("total")).intValue());
    }

    @Test
    void anAgencyLeadOnlyFindsTheirOwnAgency() {
        String w = word();
        submit(Surveys.STAFF, Map.of("agency", List.of("police"), "supervision", List.of("4"), "comments", List.of("police view " + w)), Channel.WEB);
        submit(Surveys.STAFF, Map.of("agency", List.of("health"), "supervision", List.of("4"), "comments", List.of("health view " + w)), Channel.WEB);
        var lead = StaffTestData.create(accounts, "AGENCY_LEAD", "police");
        Map<String, Object> r = search(lead, q(w) + "&agency=health");
        assertEquals(0, ((Number) r.get("total")).intValue(), "cannot widen the scope with a filter");
        assertEquals(1, ((Number) search(lead, q(w)).get("total")).intValue());
    }

    @Test
    void adminsRebuildTheIndexWithProgressWhileSearchKeepsAnswering() throws Exception {
        String w = word();
        young("still here after a rebuild " + w);
        var admin = StaffTestData.create(accounts, "ADMIN");
        var started = http.toBlocking().exchange(admin.sign(HttpRequest.POST("/api/v1/admin/reindex", "")), MAP);
        assertEquals(HttpStatus.ACCEPTED, started.getStatus());
        assertEquals(1, ((Number) search(analyst, q(w)).get("total")).intValue(), "search answers during the rebuild");
        Map<String, Object> progress;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        do {
            Thread.sleep(100);
            progress = http.toBlocking().retrieve(admin.sign(HttpRequest.GET("/api/v1/admin/reindex")), MAP);
        } while (Boolean.TRUE.equals(progress.get("running")) && System.nanoTime() < deadline);
        assertEquals(progress.get("total"), progress.get("done"));
        assertTrue(((Number) progress.get("total")).longValue() > 0);
        assertEquals(1, ((Number) search(analyst, q(w)).get("total")).intValue());
    }

    @Test
    void anAnswerErasedWhileTheIndexIsRebuiltIsNotFoundDuringTheRebuildNorAfter() {
        String w = word();
        long id = young("erased while the index is rebuilt " + w);
        assertEquals(1, ((Number) search(analyst, q(w)).get("total")).intValue());
        var during = new java.util.ArrayList<Integer>();
        assertTrue(index.rebuild(done -> {
            if (during.isEmpty()) {
                responses.delete(List.of(id));
                during.add(((Number) search(analyst, q(w)).get("total")).intValue());
            }
        }));
        assertEquals(List.of(0), during, "searches still read the view from before the rebuild, which holds the answer");
        assertEquals(0, ((Number) search(analyst, q(w)).get("total")).intValue(), "nor is it found in the rebuilt index");
        assertTrue(index.erasedDuringRebuild().isEmpty(), "the rebuilt view no longer needs the list");
    }
}
