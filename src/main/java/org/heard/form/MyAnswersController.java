package org.heard.form;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.heard.platform.AntiForgery;
import org.heard.response.ResponseService;
import org.heard.response.StoredResponse;
import org.heard.survey.Question;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A respondent's own answers: with their receipt code they can see what they gave and delete it.
 * The code is sent in a form post, never in the address, so it stays out of browser history.
 */
@Controller("/my-answers")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class MyAnswersController {
    private final ResponseService responses;
    private final SurveyCatalog catalog;
    private final AntiForgery antiForgery;

    MyAnswersController(ResponseService responses, SurveyCatalog catalog, AntiForgery antiForgery) {
        this.responses = responses;
        this.catalog = catalog;
        this.antiForgery = antiForgery;
    }

    /** One answer, in the words of the question. */
    record Shown(String question, String answer) {
    }

    @Get
    ModelAndView<Map<String, Object>> ask(HttpRequest<?> request) {
        return view(request, null, null, null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> show(HttpRequest<?> request, @Nullable @Body String body) {
        FormInput form = FormInput.parse(body);
        String code = Optional.ofNullable(form.one("receipt")).orElse("").strip();
        if (!antiForgery.verify(request, form.one(AntiForgery.FIELD))) {
            return HttpResponse.badRequest(view(request, code, "This page was open for too long. Please try again.", null));
        }
        Optional<StoredResponse> found = code.isEmpty() ? Optional.empty() : responses.findByReceipt(code);
        if (found.isEmpty()) {
            return HttpResponse.badRequest(view(request, code, code.isEmpty() ? "Enter your receipt code"
                    : "We cannot find answers with that code. Check it and try again.", null));
        }
        if ("delete".equals(form.one("action"))) {
            responses.delete(List.of(found.get().id()));
            return HttpResponse.ok(new ModelAndView<>("message", Map.of("heading", "Your answers are deleted",
                    "message", "We have deleted the answers you gave with that code. Thank you for telling us what you think.")));
        }
        return HttpResponse.ok(view(request, code, null, found.get()));
    }

    private ModelAndView<Map<String, Object>> view(HttpRequest<?> request, @Nullable String code, @Nullable String error,
                                                   @Nullable StoredResponse response) {
        var model = new LinkedHashMap<String, Object>();
        model.put("csrf", antiForgery.token(request));
        model.put("receipt", code == null ? "" : code);
        model.put("error", error);
        if (response != null) {
            Optional<Survey> survey = catalog.find(response.surveyId());
            var shown = new ArrayList<Shown>();
            response.answers().forEach((id, values) -> shown.add(new Shown(
                    survey.flatMap(s -> s.question(id)).map(Question::text).orElse(id), String.join(", ", values))));
            model.put("title", survey.map(Survey::title).orElse(response.surveyId()));
            model.put("answers", shown);
        }
        return new ModelAndView<>("form/my-answers", model);
    }
}
