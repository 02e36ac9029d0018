package org.heard.report;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reports set to a survey or codebook that is not there say so, rather than showing an empty report:
 * the staff-experience report's survey, and the voice-of-the-child report's codebook.
 */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.staff-survey", value = "no-such-staff-survey")
@Property(name = "heard.voice-codebook", value = "no-such-codebook")
class MissingReportSourcesTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;

    @Test
    void theReportNamesTheMissingSurveyAndTheSettingToFix() {
        var analyst = StaffTestData.create(accounts, "ANALYST");
        Map<String, Object> json = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/staff-experience")),
                Argument.mapOf(String.class, Object.class));
        assertEquals(false, json.get("surveyFound"));
        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/staff-experience")).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.replaceAll("\\s+", " ").contains("There is no survey called <span>no-such-staff-survey</span> in the surveys folder"), html);
        assertTrue(html.contains("HEARD_STAFF_SURVEY"));
    }

    @Test
    void theVoiceOfTheChildReportSaysItsCodebookIsMissing() {
        var analyst = StaffTestData.create(accounts, "ANALYST");
        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/voice-of-child")).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("id=\"no-codebook\""), html);
        assertTrue(html.contains("HEARD_VOICE_CODEBOOK"));
    }
}
