package org.heard.report;

import com.opencsv.CSVReader;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A codebook's theme report over a small set of answers whose themes are known, through the real server and database. */
@Tag("db")
@MicronautTest(transactional = false)
class ThemeReportTest {
    static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;
    @Inject
    ResponseService responses;

    StaffTestData.Login analyst;
    String marker;
    String codebook;

    @BeforeEach
    void aCodebookAndKnownAnswers() {
        analyst = StaffTestData.create(accounts, "ANALYST");
        marker = "tr" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        codebook = "report-" + UUID.randomUUID().toString().substring(0, 8);
        http.toBlocking().exchange(analyst.sign(HttpRequest.PUT("/api/v1/codebooks/" + codebook, """
                name: %s
                title: Test themes
                themes:
                  - name: Buses
                    query: bus
                  - name: Parks
                    query: park
                  - name: "<script>alert(1)</script>"
                    query: dark
                """.formatted(codebook)).contentType("application/yaml")), MAP);
        // Children: 12 about the bus, 6 of them also about the park, 2 about the park alone.
        for (int i = 0; i < 12; i++) {
            young(marker + " the bus is late" + (i < 6 ? " and the park is dark" : ""));
        }
        young(marker + " the park is nice");
        young(marker + " the park is fun");
        // Staff: 7 about the bus.
        for (int i = 0; i < 7; i++) {
            staff(marker + " young people tell me the bus never comes");
        }
    }

    private void young(String text) {
        responses.submit(new Submission(Surveys.YOUNG, Channel.API, Map.of("feel-safe", List.of("yes"), "anything-else", List.of(text)), null, null));
    }

    private void staff(String text) {
        responses.submit(new Submission(Surveys.STAFF, Channel.API, Map.of("agency", List.of("police"), "supervision", List.of("4"),
                "comments", List.of(text)), null, null));
    }

    @SuppressWarnings("unchecked")
    @Test
    void countsThemesTheirCoOccurrenceAndRepeatsAcrossSources() {
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/themes/" + codebook + "?q=" + marker)), MAP);
        assertEquals(Map.of("value", 21, "suppressed", false), r.get("answers"));
        var themes = (List<Map<String, Object>>) r.get("themes");
        assertEquals(Map.of("value", 19, "suppressed", false), themes.get(0).get("count"), "buses: 12 children and 7 staff");
        assertEquals(90, themes.get(0).get("percent"));
        assertEquals(Map.of("value", 8, "suppressed", false), themes.get(1).get("count"), "parks: 6 with the bus and 2 alone");
        assertEquals(List.of("children_young_people", "staff"), r.get("audiences"));
        assertEquals(List.of(Map.of("value", 12, "suppressed", false), Map.of("value", 7, "suppressed", false)), themes.get(0).get("byAudience"));
        var shares = new java.util.ArrayList<Integer>();
        shares.add(86);
        shares.add(null);
        assertEquals(shares, themes.get(0).get("percentByAudience"), "12 of 14 children; 7 staff answers are too few for a percentage");

        var co = (Map<String, Object>) r.get("cooccurrence");
        var counts = (List<List<Map<String, Object>>>) co.get("counts");
        assertEquals(Map.of("value", 6, "suppressed", false), counts.get(0).get(1), "6 answers raise both buses and parks");
        assertEquals(Map.of("value", 6, "suppressed", false), counts.get(1).get(0));
        assertEquals(Map.of("value", 6, "suppressed", false), counts.get(1).get(2), "parks and dark together");
        assertEquals(Map.of("value", 19, "suppressed", false), counts.get(0).get(0), "the diagonal is the theme's own count");

        var recurring = (List<Map<String, Object>>) r.get("recurring");
        assertEquals(1, recurring.size(), "only buses came from two sources");
        assertEquals("Buses", recurring.getFirst().get("theme"));
        assertEquals(List.of("children", "staff"), recurring.getFirst().get("sources"), "named without counts, which could undo suppression");
    }

    @SuppressWarnings("unchecked")
    @Test
    void smallCountsAreHiddenAndQuotesNeedAGroupOfTen() {
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/themes/" + codebook + "?q=" + marker + "&audience=children_young_people")), MAP);
        var themes = (List<Map<String, Object>>) r.get("themes");
        assertEquals(14, ((Map<String, Object>) r.get("answers")).get("value"));
        Map<String, Object> parksAlone = ((List<List<Map<String, Object>>>) ((Map<String, Object>) r.get("cooccurrence")).get("counts")).get(1).get(1);
        assertEquals(8, parksAlone.get("value"));

        Map<String, Object> quotes = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/themes/" + codebook + "/quotes?theme=Buses&q=" + marker)), MAP);
        assertEquals(false, quotes.get("tooFewToQuote"));
        assertTrue(((List<String>) quotes.get("quotes")).stream().allMatch(q -> q.contains("bus")));
        var noTheme = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
                () -> http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/themes/" + codebook + "/quotes")), MAP));
        assertEquals(400, noTheme.getStatus().getCode());
        Map<String, Object> few = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/themes/" + codebook + "/quotes?theme=Parks&q=" + marker)), MAP);
        assertEquals(true, few.get("tooFewToQuote"));
        assertEquals(List.of(), few.get("quotes"));

        // Only the two answers about the park alone: a count of 2 is hidden, and so is its percentage.
        Map<String, Object> small = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/themes/" + codebook + "?q=" + marker + "%20AND%20(nice%20OR%20fun)")), MAP);
        Map<String, Object> parks = ((List<Map<String, Object>>) small.get("themes")).get(1);
        var hidden = new HashMap<String, Object>();
        hidden.put("value", null);
        hidden.put("suppressed", true);
        assertEquals(hidden, parks.get("count"));
        assertEquals(null, parks.get("percent"));
        assertFalse(themes.isEmpty());
    }

    @Inject
    org.heard.theme.CodedAnswers coded;

    @Test
    void readingOnlyTheNewestAnswersStillTagsEachOfThemByItsThemeQueries() {
        var request = new org.heard.search.SearchRequest(marker, null, null, null, null, null, null, null, null, 1, 1, false, null);
        var newest = coded.of(codebook, request, 5).orElseThrow();
        assertEquals(5, newest.answers().size());
        for (var a : newest.answers()) {
            assertEquals(java.util.Set.of("Buses"), a.themes(), a.answer().text());
        }
    }

    @Test
    void theCsvParsesBackAndThePageShowsThemeNamesAsText() throws Exception {
        String csv = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/themes/" + codebook + ".csv?q=" + marker)));
        List<String[]> rows;
        try (var reader = new CSVReader(new StringReader(csv))) {
            rows = reader.readAll();
        }
        assertEquals(List.of("theme", "parent", "by", "group", "count", "percent"), List.of(rows.getFirst()));
        assertTrue(rows.stream().anyMatch(r -> List.of(r).equals(List.of("Buses", "", "all", "", "19", "90"))));
        assertTrue(rows.stream().anyMatch(r -> List.of(r).equals(List.of("Buses", "", "audience", "staff", "7", ""))));
        assertTrue(rows.stream().anyMatch(r -> List.of(r).equals(List.of("Buses", "", "also coded", "Parks", "6", ""))));
        assertTrue(rows.stream().anyMatch(r -> r[2].startsWith("recurring ") && r[3].equals("children") && r[4].isEmpty()));

        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/themes/" + codebook + "?q=" + marker)));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("<script>alert(1)</script>"));
        assertTrue(html.contains("<svg"), "the counts are drawn as an inline chart");
    }
}
