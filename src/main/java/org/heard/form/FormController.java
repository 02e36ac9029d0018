package org.heard.form;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.heard.platform.AntiForgery;
import org.heard.response.Channel;
import org.heard.response.ResponseLinks;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.safeguarding.Safeguarding;
import org.heard.survey.AnswerRules;
import org.heard.survey.Question;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyChannel;
import org.heard.survey.SurveyStatus;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Public survey pages: the list of open surveys, each survey's pages, and the thank-you page. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class FormController {
    static final String RECEIPT_COOKIE = "heard_receipt";

    private final SurveyCatalog catalog;
    private final ResponseService responses;
    private final AntiForgery antiForgery;
    private final Safeguarding safeguarding;
    private final boolean secureCookies;
    private final ResponseLinks links;

    FormController(SurveyCatalog catalog, ResponseService responses, AntiForgery antiForgery, Safeguarding safeguarding,
                   @io.micronaut.context.annotation.Value("${heard.secure-cookies:false}") boolean secureCookies, ResponseLinks links) {
        this.links = links;
        this.catalog = catalog;
        this.responses = responses;
        this.antiForgery = antiForgery;
        this.safeguarding = safeguarding;
        this.secureCookies = secureCookies;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> index() {
        return new ModelAndView<>("form/index", Map.of("surveys", catalog.open(SurveyChannel.WEB)));
    }

    @Get("/s/{surveyId}")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> start(HttpRequest<?> request, @PathVariable String surveyId, @Nullable @QueryValue String via) {
        Optional<Survey> survey = usable(surveyId);
        if (survey.isEmpty()) {
            return unavailable(surveyId);
        }
        Optional<MutableHttpResponse<?>> refused = refusedLink(via, surveyId);
        if (refused.isPresent()) {
            return refused.get();
        }
        return HttpResponse.ok(page(request, survey.get(), 0, Map.of(), Map.of(), Map.of(), UUID.randomUUID().toString(), null,
                LinkState.of(links.resolve(via), Map.of(), Map.of())));
    }

    /** A page explaining why the link cannot be used, or empty when there is no link or it can. */
    private Optional<MutableHttpResponse<?>> refusedLink(@Nullable String via, String surveyId) {
        if (via == null) {
            return Optional.empty();
        }
        Optional<ResponseLinks.Resolved> link = links.resolve(via);
        if (link.isEmpty()) {
            return Optional.of(HttpResponse.notFound(new ModelAndView<>("message", Map.of("heading", "We cannot find that link",
                    "message", "Check the address was copied in full, or ask whoever sent it for a new one."))));
        }
        return link.get().link().problem(link.get().reference(), surveyId).map(problem -> refusedPage(problem));
    }

    private static MutableHttpResponse<?> refusedPage(String problem) {
        return HttpResponse.status(HttpStatus.GONE).body(new ModelAndView<>("message", Map.of(
                "heading", "This link cannot be used", "message", problem)));
    }

    @Post("/s/{surveyId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> answer(HttpRequest<?> request, @PathVariable String surveyId, @Nullable @Body String body) {
        Optional<Survey> found = usable(surveyId);
        if (found.isEmpty()) {
            return unavailable(surveyId);
        }
        Survey survey = found.get();
        FormInput form = FormInput.parse(body);
        String via = form.one("via");
        Optional<MutableHttpResponse<?>> refused = refusedLink(via, survey.id());
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<ResponseLinks.Resolved> link = links.resolve(via);
        List<List<Question>> pages = FormPages.split(survey);
        int pageIndex = Math.clamp(parseInt(form.one("page")), 0, pages.size() - 1);
        String key = Optional.ofNullable(form.one("idempotencyKey")).filter(k -> k.matches("[0-9a-f-]{36}"))
                .orElse(UUID.randomUUID().toString());
        Map<String, List<String>> carried = form.carried(survey);
        Map<String, List<String>> typed = form.answers(survey, pages.get(pageIndex));
        Map<String, String> linkValues = link.map(l -> form.linkValues(l.link().fields(l.reference()))).orElse(Map.of());
        if (!antiForgery.verify(request, form.one(AntiForgery.FIELD))) {
            return HttpResponse.badRequest(page(request, survey, pageIndex, carried, typed, Map.of(),
                    key, "This page was open for too long. Check your answers and send them again.", LinkState.of(link, linkValues, Map.of())));
        }
        var accepted = new LinkedHashMap<>(carried);
        var errors = new LinkedHashMap<String, String>();
        for (Question q : pages.get(pageIndex)) {
            if (!q.isAsked(accepted)) {
                continue;
            }
            switch (AnswerRules.check(q, typed.getOrDefault(q.id(), List.of()), catalog.agencies())) {
                case AnswerRules.Accepted a -> {
                    if (!a.values().isEmpty()) {
                        accepted.put(q.id(), a.values());
                    }
                }
                case AnswerRules.Rejected r -> errors.put(q.id(), r.message());
            }
        }
        int next = FormPages.nextAsked(pages, pageIndex + 1, accepted);
        // The link's own fields sit on the last page, so they are checked when the answers are sent.
        Map<String, String> linkErrors = next >= 0 ? Map.of()
                : link.map(l -> l.link().check(l.reference(), linkValues)).orElse(Map.of());
        if (!errors.isEmpty() || !linkErrors.isEmpty()) {
            return HttpResponse.badRequest(page(request, survey, pageIndex, carried, typed, errors, key, null,
                    LinkState.of(link, linkValues, linkErrors)));
        }
        if (next >= 0) {
            return HttpResponse.ok(page(request, survey, next, accepted, Map.of(), Map.of(), key, null, LinkState.of(link, Map.of(), Map.of())));
        }
        return switch (responses.submit(new Submission(survey.id(), Channel.WEB, accepted, key, null, via, linkValues))) {
            case SubmitOutcome.Stored s -> HttpResponse.seeOther(URI.create("/s/" + survey.id() + "/thanks"))
                    .cookie(Cookie.of(RECEIPT_COOKIE, s.receipt()).path("/s/" + survey.id()).httpOnly(true)
                            .sameSite(SameSite.Strict).secure(secureCookies).maxAge(Duration.ofMinutes(30)));
            case SubmitOutcome.Invalid i -> HttpResponse.badRequest(page(request, survey, 0, Map.of(), accepted,
                    i.errors(), key, "Some answers need checking.", LinkState.of(link, linkValues, Map.of())));
            case SubmitOutcome.Refused r -> refusedPage(r.message());
            case SubmitOutcome.Closed c -> unavailable(survey.id());
            case SubmitOutcome.UnknownSurvey u -> unavailable(survey.id());
        };
    }

    @Get("/s/{surveyId}/thanks")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> thanks(HttpRequest<?> request, @PathVariable String surveyId) {
        Optional<Survey> survey = catalog.find(surveyId);
        String receipt = request.getCookies().findCookie(RECEIPT_COOKIE).map(Cookie::getValue)
                .filter(r -> r.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")).orElse(null);
        if (survey.isEmpty() || receipt == null) {
            return HttpResponse.seeOther(URI.create("/"));
        }
        var model = new LinkedHashMap<String, Object>();
        model.put("survey", survey.get());
        model.put("young", survey.get().audience().isYoung());
        model.put("receipt", receipt);
        model.put("signposts", responses.findByReceipt(receipt).flatMap(r -> safeguarding.signpostFor(r.id()))
                .map(s -> List.of(s.message())).orElse(List.of()));
        return HttpResponse.ok(new ModelAndView<>("form/thanks", model));
    }

    private Optional<Survey> usable(String surveyId) {
        return catalog.find(surveyId).filter(s -> s.offeredOn(SurveyChannel.WEB) && catalog.status(s) == SurveyStatus.OPEN);
    }

    private MutableHttpResponse<?> unavailable(String surveyId) {
        Optional<Survey> s = catalog.find(surveyId).filter(x -> x.offeredOn(SurveyChannel.WEB));
        if (s.isPresent() && catalog.status(s.get()) != SurveyStatus.OPEN) {
            boolean notYet = catalog.status(s.get()) == SurveyStatus.NOT_YET_OPEN;
            return HttpResponse.status(notYet ? HttpStatus.NOT_FOUND : HttpStatus.GONE).body(new ModelAndView<>("message", Map.of(
                    "heading", notYet ? "This survey is not open yet" : "This survey has closed",
                    "message", notYet ? "Please come back when it opens on " + s.get().opens() + "."
                            : "Thank you for your interest. This survey is not taking answers any more.")));
        }
        return HttpResponse.notFound(new ModelAndView<>("message", Map.of(
                "heading", "We cannot find that survey",
                "message", "Check the address, or choose from the surveys that are open now.")));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Survey survey, int pageIndex,
                                                   Map<String, List<String>> carried, Map<String, List<String>> shown,
                                                   Map<String, String> errors, String key, @Nullable String notice,
                                                   LinkState link) {
        List<List<Question>> pages = FormPages.split(survey);
        var known = new LinkedHashMap<>(carried);
        var fields = new ArrayList<FieldView>();
        for (Question q : pages.get(pageIndex)) {
            if (q.isAsked(known)) {
                fields.add(FieldView.of(q, q.choices(catalog.agencies().all()), shown.getOrDefault(q.id(), List.of()), errors.get(q.id())));
            }
        }
        var hidden = new ArrayList<Map.Entry<String, String>>();
        carried.forEach((id, values) -> {
            if (pages.get(pageIndex).stream().noneMatch(q -> q.id().equals(id))) {
                values.forEach(v -> hidden.add(Map.entry("prev." + id, v)));
            }
        });
        var model = new LinkedHashMap<String, Object>();
        model.put("survey", survey);
        model.put("young", survey.audience().isYoung());
        model.put("fields", fields);
        model.put("errorList", fields.stream().filter(f -> f.error() != null).toList());
        // The link's own fields go on the last page, after the questions.
        model.put("linkFields", pageIndex == pages.size() - 1 ? link.fields() : List.of());
        model.put("notice", notice);
        model.put("hidden", hidden);
        model.put("page", pageIndex);
        model.put("first", pageIndex == 0);
        // Later pages may depend on this page's answers, so "Continue" may still end the survey.
        model.put("last", pageIndex == pages.size() - 1);
        model.put("idempotencyKey", key);
        model.put("link", link);
        model.put("linkErrors", link.errorList());
        model.put("csrf", antiForgery.token(request));
        return new ModelAndView<>("form/page", model);
    }

    private static int parseInt(@Nullable String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
