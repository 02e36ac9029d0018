package org.heard.report;

import io.micronaut.context.annotation.Property;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A theme report or discovery over more answers than it reads at once says so, on the page, in JSON and in CSV. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.themes.max-answers", value = "10")
class ThemeReportLimitTest {
    static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;
    @Inject
    ResponseService responses;

    @Test
    void aReportThatReadsOnlyTheNewestAnswersSaysHowManyMatch() {
        var analyst = StaffTestData.create(accounts, "ANALYST");
        String marker = "lim" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String codebook = "limit-" + UUID.randomUUID().toString().substring(0, 8);
        http.toBlocking().exchange(analyst.sign(HttpRequest.PUT("/api/v1/codebooks/" + codebook, """
                name: %s
                title: Test themes
                themes:
                  - name: Buses
                    query: bus
                """.formatted(codebook)).contentType("application/yaml")), MAP);
        for (int i = 0; i < 14; i++) {
            responses.submit(new Submission(Surveys.YOUNG, Channel.API, Map.of("feel-safe", List.of("yes"),
                    "anything-else", List.of(marker + " the bus is late " + (i < 8 ? "again" : ""))), null, null));
        }

        Map<String, Object> all = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/themes/" + codebook + "?q=" + marker)), MAP);
        assertEquals(Map.of("value", 10, "suppressed", false), all.get("answers"));
        assertEquals(true, all.get("partial"));
        assertEquals(Map.of("value", 14, "suppressed", false), all.get("matching"));
        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/themes/" + codebook + "?q=" + marker)));
        assertTrue(html.replaceAll("\\s+", " ").contains("These counts come from the newest <span>10</span> of the <span>14</span> answers that match."), html);
        String csv = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/themes/" + codebook + ".csv?q=" + marker)));
        assertTrue(csv.contains("\"\",\"\",\"answers\",\"matching\",\"14\",\"\""), csv);

        // Theme discovery reads the same newest answers, and says so too.
        Map<String, Object> discovered = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/themes/discover?q=" + marker)), MAP);
        assertEquals(10, discovered.get("answers"));
        assertEquals(14, discovered.get("matching"));
        assertEquals(true, discovered.get("partial"));
        String discover = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/staff/themes/discover?q=" + marker)));
        assertTrue(discover.replaceAll("\\s+", " ").contains("These are the newest <span>10</span> of the <span>14</span> answers that match."), discover);

        // Filters that match fewer than the report reads: every answer is counted and nothing is said.
        Map<String, Object> few = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/themes/" + codebook + "?q="
                + marker + "+AND+again")), MAP);
        assertEquals(false, few.get("partial"));
        assertEquals(Map.of("value", 8, "suppressed", false), few.get("matching"));
        String whole = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/themes/" + codebook + "?q=" + marker + "+AND+again")));
        assertFalse(whole.contains("id=\"partial\""));
        assertFalse(http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/staff/themes/discover?q=" + marker + "+AND+again")))
                .contains("id=\"partial\""));
        assertFalse(http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/themes/" + codebook + ".csv?q=" + marker
                + "+AND+again"))).contains("matching"));
    }
}
