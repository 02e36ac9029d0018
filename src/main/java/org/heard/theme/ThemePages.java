package org.heard.theme;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.heard.platform.AntiForgery;
import org.heard.search.SearchService;
import org.heard.survey.Audience;
import org.heard.survey.SurveyCatalog;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff pages for themes: the codebooks, coding answers one by one with Heard's suggestions to
 * confirm or reject, and discovering themes with a button that adds one to a codebook. Every form
 * posts, checks its anti-forgery token, then redirects.
 */
@Controller("/staff/themes")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
class ThemePages {
    private static final String NAME = "{codebook:[a-z0-9][a-z0-9-]*}";

    private final Codebooks codebooks;
    private final Codes codes;
    private final Coding coding;
    private final ThemeAnswers answers;
    private final SearchService search;
    private final AntiForgery antiForgery;
    private final int minimumQuoteGroup;
    private final SurveyCatalog catalog;

    ThemePages(Codebooks codebooks, Codes codes, Coding coding, ThemeAnswers answers, SearchService search, AntiForgery antiForgery,
               @Value("${heard.minimum-quote-group:10}") int minimumQuoteGroup, SurveyCatalog catalog) {
        this.search = search;
        this.catalog = catalog;
        this.codebooks = codebooks;
        this.codes = codes;
        this.coding = coding;
        this.answers = answers;
        this.antiForgery = antiForgery;
        this.minimumQuoteGroup = minimumQuoteGroup;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        var model = base(request);
        model.put("codebooks", codebooks.all());
        return new ModelAndView<>("theme/codebooks", model);
    }

    @Get("/" + NAME)
    MutableHttpResponse<?> codebook(HttpRequest<?> request, @PathVariable String codebook, @Nullable @QueryValue String q,
                                    Authentication auth) {
        Optional<Codebooks.Stored> cb = codebooks.find(codebook);
        if (cb.isEmpty()) {
            return missing();
        }
        var model = base(request);
        model.put("codebook", cb.get().codebook());
        model.put("recent", codes.recent(cb.get().id(), 20));
        model.put("q", q == null ? "" : q);
        // Where each answer came from, in words: survey titles and audience names rather than ids.
        var titles = new java.util.HashMap<String, String>();
        catalog.all().forEach(survey -> titles.put(survey.id(), survey.title()));
        var audiences = new java.util.HashMap<String, String>();
        for (Audience a : Audience.values()) {
            audiences.put(a.id(), a.label());
        }
        model.put("titles", titles);
        model.put("audiences", audiences);
        try {
            var filters = new AnswerFilters(q, null, null, null, null, null, null, null, null).request(auth);
            model.put("toCode", coding.toCode(codebook, filters, 20).orElse(List.of()));
            model.put("problem", "");
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            model.put("toCode", List.of());
            model.put("problem", e.getMessage());
        }
        return HttpResponse.ok(new ModelAndView<>("theme/code", model));
    }

    @Post("/" + NAME + "/code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> code(HttpRequest<?> request, @PathVariable String codebook, @Nullable @Body String body, Authentication auth) {
        Map<String, String> f = form(body);
        if (!antiForgery.verify(request, f.get(AntiForgery.FIELD))) {
            return message("The form expired", "Go back, reload the page and try again.");
        }
        Optional<Coding.Verdict> verdict = java.util.Arrays.stream(Coding.Verdict.values())
                .filter(v -> v.name().equalsIgnoreCase(f.getOrDefault("verdict", ""))).findFirst();
        long responseId;
        try {
            responseId = Long.parseLong(f.getOrDefault("responseId", ""));
        } catch (NumberFormatException e) {
            return message("That answer cannot be coded", "Go back and choose an answer from the list.");
        }
        if (verdict.isEmpty() || f.getOrDefault("theme", "").isBlank()) {
            return message("Choose a theme", "Go back and choose a theme for the answer.");
        }
        Coding.Result result = coding.code(codebook, f.get("theme"), new AnswerKey(responseId, f.getOrDefault("questionId", "")),
                verdict.get(), auth.getName());
        if (result != Coding.Result.DONE) {
            return message("That could not be coded", "The codebook, theme or answer no longer exists. Go back and reload the page.");
        }
        String q = f.getOrDefault("q", "");
        return HttpResponse.seeOther(URI.create("/staff/themes/" + codebook + (q.isBlank() ? "" : "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))));
    }

    @Get("/" + NAME + "/edit")
    MutableHttpResponse<?> edit(HttpRequest<?> request, @PathVariable String codebook) {
        return codebooks.find(codebook).<MutableHttpResponse<?>>map(cb -> HttpResponse.ok(editPage(request, codebook,
                CodebookFile.write(cb.codebook()), Map.of()))).orElseGet(ThemePages::missing);
    }

    /** Saves the codebook as edited, or shows every problem (line and what is wrong) above the text. */
    @Post("/" + NAME + "/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable String codebook, @Nullable @Body String body) {
        Map<String, String> f = form(body);
        String yaml = f.getOrDefault("yaml", "");
        if (!antiForgery.verify(request, f.get(AntiForgery.FIELD))) {
            return HttpResponse.badRequest(editPage(request, codebook, yaml, Map.of("yaml", "The form expired. Please save again.")));
        }
        if (codebooks.find(codebook).isEmpty()) {
            return missing();
        }
        var problems = new ArrayList<org.heard.definition.Problem>();
        Optional<Codebook> cb = CodebookFile.read(yaml, codebook + ".yaml", problems);
        var errors = new java.util.LinkedHashMap<String, String>();
        problems.stream().filter(p -> !p.warning()).forEach(p -> errors.put("yaml" + (errors.isEmpty() ? "" : "-" + errors.size()),
                "Line " + p.line() + (p.subject() == null ? "" : ", " + p.subject()) + ": " + p.message()));
        if (cb.isPresent() && !cb.get().name().equals(codebook)) {
            errors.put("yaml" + (errors.isEmpty() ? "" : "-" + errors.size()), "Keep the name " + codebook + ": to make a new codebook, add a file.");
        }
        cb.ifPresent(c -> c.themes().forEach(t -> {
            if (t.query() != null) {
                try {
                    search.compile(t.query());
                } catch (SearchService.BadQuery e) {
                    errors.put("yaml" + (errors.isEmpty() ? "" : "-" + errors.size()), "Theme '" + t.name() + "': " + e.getMessage());
                }
            }
        }));
        if (cb.isEmpty() || !errors.isEmpty()) {
            return HttpResponse.badRequest(editPage(request, codebook, yaml, errors));
        }
        codebooks.save(cb.get(), null);
        return HttpResponse.seeOther(URI.create("/staff/themes/" + codebook));
    }

    private ModelAndView<Map<String, Object>> editPage(HttpRequest<?> request, String codebook, String yaml, Map<String, String> errors) {
        var model = base(request);
        model.put("name", codebook);
        model.put("yaml", yaml);
        model.put("errors", errors);
        return new ModelAndView<>("theme/edit", model);
    }

    @Get("/discover")
    ModelAndView<Map<String, Object>> discover(HttpRequest<?> request, @RequestBean AnswerFilters filters, Authentication auth) {
        var model = base(request);
        model.put("filters", filters);
        model.put("codebooks", codebooks.all());
        try {
            ThemeAnswers.Chosen chosen = answers.chosenAndRest(filters.request(auth));
            model.put("result", Discovery.discover(chosen.set(), chosen.rest(), 6, minimumQuoteGroup, chosen.quotable()::contains)
                    .outOf(chosen.matching()));
            model.put("problem", "");
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            model.put("result", new Discovery.Result(0, 0, List.of(), List.of(), 0));
            model.put("problem", e.getMessage());
        }
        return new ModelAndView<>("theme/discover", model);
    }

    @Post("/promote")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> promote(HttpRequest<?> request, @Nullable @Body String body) {
        Map<String, String> f = form(body);
        if (!antiForgery.verify(request, f.get(AntiForgery.FIELD))) {
            return message("The form expired", "Go back, reload the page and try again.");
        }
        Optional<Codebooks.Stored> cb = codebooks.find(f.getOrDefault("codebook", ""));
        String name = f.getOrDefault("name", "").strip();
        if (cb.isEmpty()) {
            return message("Choose a codebook", "Go back and choose the codebook to add the theme to.");
        }
        String problem = CodebookFile.themeNameProblem(name);
        if (problem == null && cb.get().themeId(name).isPresent()) {
            problem = "the codebook already has a theme called '" + name + "'";
        }
        if (problem != null) {
            return message("The theme cannot be added", Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".");
        }
        Codebook c = cb.get().codebook();
        var themes = new ArrayList<>(c.themes());
        String query = f.getOrDefault("query", "").strip();
        themes.add(new Codebook.Theme(name, f.getOrDefault("description", "").strip(), null, query.isEmpty() ? null : query));
        codebooks.save(new Codebook(c.name(), c.title(), c.description(), c.threshold(), themes), null);
        return HttpResponse.seeOther(URI.create("/staff/themes/" + c.name()));
    }

    private Map<String, Object> base(HttpRequest<?> request) {
        var model = new HashMap<String, Object>();
        model.put("csrf", antiForgery.token(request));
        return model;
    }

    private static MutableHttpResponse<?> message(String heading, String message) {
        return HttpResponse.badRequest(new ModelAndView<>("message", Map.of("heading", heading, "message", message)));
    }

    private static MutableHttpResponse<?> missing() {
        return HttpResponse.notFound(new ModelAndView<>("message", Map.of("heading", "We cannot find that codebook", "message",
                "It may have been removed. Go back to the list of codebooks.")));
    }

    private static Map<String, String> form(@Nullable String body) {
        Map<String, String> out = new HashMap<>();
        new QueryStringDecoder(body == null ? "" : body, StandardCharsets.UTF_8, false).parameters()
                .forEach((k, v) -> out.put(k, v.getFirst()));
        return out;
    }
}
