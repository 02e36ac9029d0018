package org.heard.response.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.heard.response.ResponseService;
import org.heard.response.StoredResponse;
import org.heard.staff.AccessLog;
import org.heard.staff.StaffScope;
import org.heard.survey.Question;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The staff view of surveys (with response counts) and of one response, answer by answer. */
@Controller("/staff")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ResponsePages {
    private final SurveyCatalog catalog;
    private final ResponseService responses;
    private final AccessLog accessLog;

    ResponsePages(SurveyCatalog catalog, ResponseService responses, AccessLog accessLog) {
        this.catalog = catalog;
        this.responses = responses;
        this.accessLog = accessLog;
    }

    /** One row of the survey table. */
    record SurveyRow(String id, String title, String audience, String status, int version, long responses) {
    }

    /** One answer as shown to staff: the question's wording and the answer as text. */
    record AnswerRow(String question, String answer) {
    }

    @Get("/surveys")
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
    ModelAndView<Map<String, Object>> surveys(Authentication auth) {
        Map<String, Long> counts = responses.countsBySurvey();
        List<SurveyRow> rows = catalog.all().stream().map(s -> new SurveyRow(s.id(), s.title(), s.audience().label(),
                catalog.status(s).id().replace('_', ' '), s.version(), counts.getOrDefault(s.id(), 0L))).toList();
        boolean mayExport = !auth.getRoles().contains("VIEWER") || auth.getRoles().size() > 1;
        return new ModelAndView<>("staff/surveys", Map.of("surveys", rows, "mayExport", mayExport));
    }

    @Get("/responses/{id}")
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD"})
    MutableHttpResponse<?> response(@PathVariable long id, Authentication auth) {
        Optional<StoredResponse> found = responses.find(id).filter(r -> StaffScope.maySee(auth, r.agency()));
        if (found.isEmpty()) {
            return HttpResponse.notFound(new ModelAndView<>("message", Map.of("heading", "There is no such response",
                    "message", "It may have been deleted, or it belongs to another agency.")));
        }
        StoredResponse r = found.get();
        accessLog.record(auth.getName(), "read-response", "response " + id);
        Optional<Survey> survey = catalog.find(r.surveyId());
        var answers = new ArrayList<AnswerRow>();
        r.answers().forEach((questionId, values) -> answers.add(new AnswerRow(
                survey.flatMap(s -> s.question(questionId)).map(Question::text).orElse(questionId),
                String.join(", ", values))));
        var model = new LinkedHashMap<String, Object>();
        model.put("response", r);
        model.put("title", survey.map(Survey::title).orElse(r.surveyId()));
        model.put("answers", answers);
        return HttpResponse.ok(new ModelAndView<>("staff/response", model));
    }
}
