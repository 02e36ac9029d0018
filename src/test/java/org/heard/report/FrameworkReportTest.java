package org.heard.report;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.consultation.FollowUpAction;
import org.heard.consultation.YouSaidWeDid;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.staff.StaffAccounts;
import org.heard.testing.MovableClock;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence per measure on a known set, in a month of its own. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
class FrameworkReportTest {
    @Inject
    MovableClock clock;
    @Inject
    ResponseService responses;
    @Inject
    YouSaidWeDid actions;
    @Inject
    StaffAccounts accounts;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void showsSharesBasesOutcomesAndGaps() throws Exception {
        int year = 2200 + new Random().nextInt(7000);
        clock.set(LocalDate.of(year - 1, 5, 10).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200));
        for (int i = 0; i < 12; i++) {
            responses.submit(new Submission(Surveys.STAFF, Channel.WEB, Map.of("agency", List.of("health"), "supervision", List.of(i < 3 ? "5" : "2")), null, null));
        }
        clock.set(LocalDate.of(year, 5, 10).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200));
        for (int i = 0; i < 12; i++) {
            String score = i < 9 ? "5" : i < 10 ? "4" : "2";
            responses.submit(new Submission(Surveys.STAFF, Channel.WEB, Map.of("agency", List.of("police"), "supervision", List.of(score)), null, null));
        }
        actions.create(new FollowUpAction.Draft("supervision is rushed " + Surveys.unique("s"), "protected time for supervision",
                "Workforce team", "done", null, year + "-05-20", null, List.of("test-qaf/S1/outcome-1"), List.of(), List.of(), List.of()));

        var analyst = StaffTestData.create(accounts, "ANALYST");
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/framework/test-qaf?from=" + year + "-05-01&to=" + year + "-05-31")), Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked") var areas = (List<Map<String, Object>>) r.get("areas");
        @SuppressWarnings("unchecked") var s1 = (List<Map<String, Object>>) areas.get(0).get("measures");
        @SuppressWarnings("unchecked") var qualitative = (List<Map<String, Object>>) s1.get(1).get("questions");
        assertEquals(83, qualitative.getFirst().get("percentPositive"), "10 of 12 chose 4 or 5");
        assertEquals(true, qualitative.getFirst().get("closed"), "a scale question has a positive share");
        assertEquals("83% of 12 frontline staff answered positively: My supervision helps me keep children safe",
                qualitative.getFirst().get("statement"));
        assertEquals(Map.of("value", 12, "suppressed", false), qualitative.getFirst().get("responses"));
        @SuppressWarnings("unchecked") var outcomes = (List<Map<String, Object>>) s1.get(2).get("outcomes");
        assertTrue(outcomes.stream().anyMatch(o -> o.get("did").equals("protected time for supervision")),
                "a done action tagged with the measure is outcome evidence");
        assertEquals(false, s1.get(2).get("gap"));
        @SuppressWarnings("unchecked") var s2 = (List<Map<String, Object>>) areas.get(1).get("measures");
        assertEquals(true, s2.getFirst().get("gap"));
        assertEquals(1, areas.get(0).get("outcome"));
        assertEquals(1 + 3, r.get("gaps"), "S2's measure, and the training area's three with no training that month");

        String compare = "&compareFrom=" + (year - 1) + "-05-01&compareTo=" + (year - 1) + "-05-31";
        Map<String, Object> withComparison = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/framework/test-qaf?from=" + year + "-05-01&to=" + year + "-05-31" + compare)), Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked") var q = ((List<Map<String, Object>>) ((List<Map<String, Object>>) ((List<Map<String, Object>>) withComparison.get("areas"))
                .get(0).get("measures")).get(1).get("questions")).getFirst();
        assertEquals(25, q.get("previousPercent"));
        assertEquals(58, q.get("change"));
        assertEquals(true, q.get("significant"), "83% of 12 against 25% of 12 is bigger than chance");

        String csv = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/framework/test-qaf.csv?from=" + year + "-05-01&to=" + year + "-05-31" + compare)), String.class);
        var rows = new com.opencsv.CSVReader(new java.io.StringReader(csv)).readAll();
        String[] row = rows.stream().filter(x -> x[1].equals("test-qaf/S1/qualitative-1")).findFirst().orElseThrow();
        assertEquals("83", row[7]);
        assertEquals("58", row[9]);
        assertEquals("true", row[10]);

        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/framework/test-qaf?from=" + year + "-05-01&to=" + year + "-05-31"))
                .accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("83% of 12 frontline staff answered positively"));
        assertTrue(html.contains("so we protected time for supervision"));
        var bar = ChartMarkup.bars(html).get("My supervision helps me keep children safe");
        assertEquals("83%", bar.value(), "the area's chart draws the share once, though the question gives evidence for two of its measures");
        assertEquals(249, bar.width());
        assertEquals(1, html.split("<title>My supervision helps me keep children safe: ", -1).length - 1);
    }
}
