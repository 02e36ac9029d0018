package org.heard.report;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-agency shares against the partnership and the previous round, on a known set in years of their own. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
@Property(name = "heard.staff-survey", value = "staff-check")
class StaffExperienceReportTest {
    @Inject
    MovableClock clock;
    @Inject
    ResponseService responses;
    @Inject
    StaffAccounts accounts;
    @Inject
    @Client("/")
    HttpClient http;

    private void answer(String agency, String score) {
        responses.submit(new Submission(Surveys.STAFF, Channel.WEB, Map.of("agency", List.of(agency), "supervision", List.of(score)), null, null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void agenciesAgainstThePartnershipAndThePreviousRound() {
        int year = 2200 + new Random().nextInt(7000);
        clock.set(LocalDate.of(year - 1, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (int i = 0; i < 10; i++) {
            answer("police", i < 5 ? "5" : "2");
        }
        clock.set(LocalDate.of(year, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (int i = 0; i < 10; i++) {
            answer("police", i < 8 ? "4" : "1");
        }
        for (int i = 0; i < 10; i++) {
            answer("health", i < 4 ? "5" : "3");
        }
        answer("schools", "5");

        var analyst = StaffTestData.create(accounts, "ANALYST");
        String period = "from=" + year + "-01-01&to=" + year + "-12-31";
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/staff-experience?" + period)),
                Argument.mapOf(String.class, Object.class));
        assertEquals(Map.of("value", 21, "suppressed", false), r.get("responses"));
        var supervision = ((List<Map<String, Object>>) r.get("questions")).getFirst();
        assertEquals(Map.of("percent", 62, "base", Map.of("value", 21, "suppressed", false)), supervision.get("partnership"), "13 of 21");
        var agencies = (List<Map<String, Object>>) supervision.get("agencies");
        Map<String, Object> police = agencies.stream().filter(a -> a.get("agency").equals("police")).findFirst().orElseThrow();
        assertEquals(80, ((Map<String, Object>) police.get("now")).get("percent"));
        assertEquals(50, ((Map<String, Object>) police.get("previous")).get("percent"), "last year's round");
        Map<String, Object> schools = agencies.stream().filter(a -> a.get("agency").equals("schools")).findFirst().orElseThrow();
        assertNull(((Map<String, Object>) schools.get("now")).get("percent"), "one answer gives no percentage");
        assertEquals(true, ((Map<String, Object>) ((Map<String, Object>) schools.get("now")).get("base")).get("suppressed"));

        var lead = StaffTestData.create(accounts, "AGENCY_LEAD", "health");
        Map<String, Object> mine = http.toBlocking().retrieve(lead.sign(HttpRequest.GET("/api/v1/reports/staff-experience?" + period)),
                Argument.mapOf(String.class, Object.class));
        var theirs = (List<Map<String, Object>>) ((List<Map<String, Object>>) mine.get("questions")).getFirst().get("agencies");
        assertEquals(List.of("health"), theirs.stream().map(a -> a.get("agency")).toList(), "an agency lead sees their own agency only");

        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/staff-experience?" + period)).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("My supervision helps me keep children safe"));
        assertTrue(html.contains("62%"));
    }
}
