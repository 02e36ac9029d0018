package org.heard.theme;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An import for an audience whose import survey file is missing is refused whole, with what to put back. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.surveys-dir", value = "src/test/resources/surveys-community-import-only")
class DatasetImportSurveyMissingTest {
    static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;

    @Test
    void anImportForAnAudienceWithoutItsSurveyStoresNothingAndSaysWhichFileIsMissing() {
        var analyst = StaffTestData.create(accounts, "ANALYST");
        String dataset = "missing-" + UUID.randomUUID().toString().substring(0, 8);
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(analyst.sign(
                HttpRequest.POST("/api/v1/datasets/" + dataset + "/import?audience=staff", "id,text,themes\nr1,Supervision helps,\n")
                        .contentType("text/csv")), MAP));
        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
        assertEquals("Text from frontline staff cannot be imported: the imported-text-staff survey that holds it is missing from the "
                + "surveys folder.", refused.getResponse().getBody(MAP).orElseThrow().get("message"));
        var none = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(analyst.sign(
                HttpRequest.GET("/api/v1/datasets/" + dataset + "/export.csv"))));
        assertEquals(HttpStatus.NOT_FOUND, none.getStatus(), "no dataset was created");

        Map<String, Object> community = http.toBlocking().retrieve(analyst.sign(HttpRequest.POST("/api/v1/datasets/" + dataset + "/import",
                "id,text,themes\nr1,The park needs lights,\n").contentType("text/csv")), MAP);
        assertEquals(1, community.get("imported"), "community text still imports");
    }
}
