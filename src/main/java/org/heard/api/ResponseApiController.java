package org.heard.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.heard.platform.ApiError;
import org.heard.response.ResponseService;
import org.heard.response.StoredResponse;
import org.heard.staff.AccessLog;
import org.heard.staff.StaffScope;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;

import java.util.List;
import java.util.Optional;

/**
 * Staff read single responses and export a survey's responses. Both read free text, so both are
 * written to the access log; an agency lead sees only their agency's responses, and anything else
 * answers 404 exactly as a missing one does.
 */
@Controller("/api/v1/responses")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD"})
class ResponseApiController {
    private final ResponseService responses;
    private final SurveyCatalog catalog;
    private final AccessLog accessLog;

    ResponseApiController(ResponseService responses, SurveyCatalog catalog, AccessLog accessLog) {
        this.responses = responses;
        this.catalog = catalog;
        this.accessLog = accessLog;
    }

    @Get("/{id}")
    @io.micronaut.http.annotation.Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> read(@PathVariable long id, Authentication auth) {
        Optional<StoredResponse> r = responses.find(id).filter(x -> StaffScope.maySee(auth, x.agency()));
        if (r.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(404, "not_found", "There is no response " + id + "."));
        }
        accessLog.record(auth.getName(), "read-response", "response " + id);
        return HttpResponse.ok(r.get());
    }

    @Get("/export.csv")
    @io.micronaut.http.annotation.Produces("text/csv; charset=utf-8")
    MutableHttpResponse<?> export(@Nullable @QueryValue String survey, Authentication auth) {
        Optional<Survey> s = survey == null ? Optional.empty() : catalog.find(survey);
        if (s.isEmpty()) {
            return HttpResponse.badRequest(ApiError.of(400, "unknown_survey", "Name a survey to export with ?survey=<id>."))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        List<StoredResponse> rows = responses.forSurvey(s.get().id()).stream()
                .filter(r -> StaffScope.maySee(auth, r.agency())).toList();
        accessLog.record(auth.getName(), "export-responses", "survey " + s.get().id());
        return HttpResponse.ok(ResponseCsv.write(s.get(), rows))
                .header("Content-Disposition", "attachment; filename=\"" + s.get().id() + "-responses.csv\"");
    }
}
