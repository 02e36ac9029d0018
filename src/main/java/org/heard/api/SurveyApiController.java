package org.heard.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.heard.platform.ApiError;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.safeguarding.Safeguarding;
import org.heard.safeguarding.Signpost;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Survey definitions and response submission over JSON. */
@Controller("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyApiController {
    private final SurveyCatalog catalog;
    private final ResponseService responses;
    private final Safeguarding safeguarding;

    SurveyApiController(SurveyCatalog catalog, ResponseService responses, Safeguarding safeguarding) {
        this.catalog = catalog;
        this.responses = responses;
        this.safeguarding = safeguarding;
    }

    @Serdeable
    record SurveySummary(String id, String title, String audience, List<String> channels, String status, int version,
                         long responseCount) {
    }

    @Serdeable
    record ResponseRequest(@Nullable Map<String, Object> answers, @Nullable String idempotencyKey) {
    }

    @Serdeable
    record Created(long id, String receipt, Signpost safeguarding) {
    }

    @Get
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
    List<SurveySummary> list() {
        Map<String, Long> counts = responses.countsBySurvey();
        return catalog.all().stream().map(s -> new SurveySummary(s.id(), s.title(), s.audience().id(),
                s.channels().stream().map(c -> c.id()).sorted().toList(), catalog.status(s).id(), s.version(),
                counts.getOrDefault(s.id(), 0L))).toList();
    }

    @Get("/{surveyId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> definition(@PathVariable String surveyId) {
        Optional<Survey> s = catalog.find(surveyId);
        if (s.isEmpty()) {
            return notFound(surveyId);
        }
        SurveyStatus status = catalog.status(s.get());
        if (status != SurveyStatus.OPEN) {
            return closed(s.get(), status);
        }
        return HttpResponse.ok(SurveyJson.of(s.get(), status.id(), catalog.agencies().all()));
    }

    @Post("/{surveyId}/responses")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> submit(HttpRequest<?> request, @PathVariable String surveyId, @Nullable @Body ResponseRequest body) {
        Optional<Survey> s = catalog.find(surveyId);
        if (s.isEmpty()) {
            return notFound(surveyId);
        }
        if (body == null || body.answers() == null) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_request", "Send a JSON object with \"answers\": {\"<questionId>\": value}."));
        }
        JsonAnswers.Converted converted = JsonAnswers.convert(s.get(), body.answers());
        if (!converted.errors().isEmpty()) {
            return invalid(converted.errors());
        }
        String key = Optional.ofNullable(body.idempotencyKey()).orElse(request.getHeaders().get("Idempotency-Key"));
        return switch (responses.submit(new Submission(surveyId, Channel.API, converted.answers(), key, null))) {
            case SubmitOutcome.Stored st -> {
                MutableHttpResponse<?> r = HttpResponse.created(new Created(st.id(), st.receipt(), safeguarding.signpostOrNone(st.id())));
                yield st.duplicate() ? r.header("Idempotent-Replayed", "true") : r;
            }
            case SubmitOutcome.Invalid i -> invalid(i.errors());
            case SubmitOutcome.Closed c -> closed(s.get(), catalog.status(s.get()));
            case SubmitOutcome.UnknownSurvey u -> notFound(surveyId);
            case SubmitOutcome.Refused r -> HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT)
                    .body(ApiError.of(409, "link_refused", r.message()));
        };
    }

    private static MutableHttpResponse<?> invalid(Map<String, String> errors) {
        return HttpResponse.badRequest(new ApiError(400, "invalid_answers",
                "Some answers need fixing: see errors for each question.", new LinkedHashMap<>(errors)));
    }

    private static MutableHttpResponse<?> notFound(String surveyId) {
        return HttpResponse.notFound(ApiError.of(404, "unknown_survey", "There is no survey '" + surveyId + "'."));
    }

    private static MutableHttpResponse<?> closed(Survey s, SurveyStatus status) {
        if (status == SurveyStatus.NOT_YET_OPEN) {
            return HttpResponse.notFound(ApiError.of(404, "not_open", "Survey '" + s.id() + "' opens on " + s.opens() + "."));
        }
        return HttpResponse.status(HttpStatus.GONE).body(ApiError.of(410, "closed",
                "Survey '" + s.id() + "' closed on " + s.closes() + " and takes no more answers."));
    }
}
