package org.heard.staff;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Walks every staff endpoint with every role (and nobody), checking who gets in. */
@Tag("db")
@MicronautTest(transactional = false)
class RoleMatrixTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;
    @Inject
    ResponseService responses;

    private static final int OK = 200;
    private static final int CREATED_OR_INVALID = 400;
    private static final int FORBIDDEN = 403;
    private static final int UNAUTHORIZED = 401;

    record Row(String name, Function<Long, MutableHttpRequest<?>> request, Map<String, Integer> expected) {
    }

    @Test
    void everyEndpointAdmitsExactlyItsRoles() {
        long policeResponse = ((SubmitOutcome.Stored) responses.submit(new Submission(Surveys.STAFF, Channel.WEB,
                Map.of("agency", List.of("police"), "supervision", List.of("4")), null, null))).id();
        Map<String, StaffTestData.Login> logins = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            logins.put(r.name(), StaffTestData.create(accounts, r.name(), r == Role.AGENCY_LEAD ? "police" : null));
        }
        List<Row> rows = List.of(
                new Row("list surveys", id -> HttpRequest.GET("/api/v1/surveys"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("read a response", id -> HttpRequest.GET("/api/v1/responses/" + id),
                        expect(OK, OK, OK, OK, FORBIDDEN)),
                new Row("export responses", id -> HttpRequest.GET("/api/v1/responses/export.csv?survey=" + Surveys.STAFF),
                        expect(OK, OK, OK, OK, FORBIDDEN)),
                new Row("list staff", id -> HttpRequest.GET("/api/v1/staff"),
                        expect(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("create staff", id -> HttpRequest.POST("/api/v1/staff", Map.of("username", "x")),
                        expect(CREATED_OR_INVALID, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("try the safeguarding screen", id -> HttpRequest.POST("/api/v1/safeguarding/screen", Map.of("text", "hello")),
                        expect(OK, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)),
                new Row("list safeguarding alerts", id -> HttpRequest.GET("/api/v1/safeguarding/alerts?status=open"),
                        expect(FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)),
                new Row("list frameworks", id -> HttpRequest.GET("/api/v1/frameworks"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("read the consultation log", id -> HttpRequest.GET("/api/v1/consultations?from=2999-01-01"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("change the consultation log", id -> HttpRequest.POST("/api/v1/consultations", Map.of("title", "")),
                        expect(CREATED_OR_INVALID, CREATED_OR_INVALID, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("consultation report", id -> HttpRequest.GET("/api/v1/reports/consultations"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("voice-of-the-child report", id -> HttpRequest.GET("/api/v1/reports/voice-of-child"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("framework evidence report", id -> HttpRequest.GET("/api/v1/reports/framework/test-qaf"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("staff-experience report", id -> HttpRequest.GET("/api/v1/reports/staff-experience"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("search free text", id -> HttpRequest.GET("/api/v1/search?q=park"),
                        expect(OK, OK, OK, OK, FORBIDDEN)),
                new Row("search index progress", id -> HttpRequest.GET("/api/v1/admin/reindex"),
                        expect(OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("list training courses", id -> HttpRequest.GET("/api/v1/courses"),
                        expect(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("add a training course", id -> HttpRequest.POST("/api/v1/courses", Map.of("title", "")),
                        expect(CREATED_OR_INVALID, CREATED_OR_INVALID, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("training impact report", id -> HttpRequest.GET("/api/v1/courses/report"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("list codebooks", id -> HttpRequest.GET("/api/v1/codebooks"),
                        expect(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("answers to code with suggestions", id -> HttpRequest.GET("/api/v1/codebooks/test-worries/suggestions?q=park"),
                        expect(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("discover themes", id -> HttpRequest.GET("/api/v1/themes/discover?q=park"),
                        expect(OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("import a dataset", id -> HttpRequest.POST("/api/v1/datasets/role-check/import", "ref\n").contentType("text/csv"),
                        expect(CREATED_OR_INVALID, CREATED_OR_INVALID, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
                new Row("theme report", id -> HttpRequest.GET("/api/v1/reports/themes/test-worries"),
                        expect(OK, OK, OK, OK, OK)),
                new Row("theme quotes", id -> HttpRequest.GET("/api/v1/reports/themes/test-worries/quotes?theme=Grooming"),
                        expect(OK, OK, OK, OK, FORBIDDEN)));
        var failures = new ArrayList<String>();
        for (Row row : rows) {
            check(failures, row, "anonymous", row.request().apply(policeResponse), UNAUTHORIZED);
            for (var login : logins.entrySet()) {
                var request = login.getValue().sign(row.request().apply(policeResponse));
                check(failures, row, login.getKey(), request, row.expected().get(login.getKey()));
            }
        }
        assertEquals(List.of(), failures);
    }

    private static Map<String, Integer> expect(int admin, int analyst, int lead, int agencyLead, int viewer) {
        return Map.of("ADMIN", admin, "ANALYST", analyst, "SAFEGUARDING_LEAD", lead, "AGENCY_LEAD", agencyLead, "VIEWER", viewer);
    }

    private void check(List<String> failures, Row row, String who, MutableHttpRequest<?> request, int expected) {
        request.accept(request.getPath().endsWith(".csv") ? MediaType.of("text/csv") : MediaType.APPLICATION_JSON_TYPE);
        int status;
        try {
            status = http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            status = e.getStatus().getCode();
        }
        if (status != expected) {
            failures.add(row.name() + " as " + who + ": expected " + expected + " but got " + status);
        }
    }

}
