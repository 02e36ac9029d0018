package org.heard.theme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.heard.definition.Problem;
import org.heard.platform.ApiError;
import org.heard.search.SearchService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Codebooks over HTTP: read and replace them as YAML (the same form as the files), add a theme,
 * code answers, and list answers to code with suggestions.
 */
@Controller("/api/v1/codebooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
@Produces(MediaType.APPLICATION_JSON)
class CodebookApiController {
    private static final String NAME = "{name:[a-z0-9][a-z0-9-]*}";

    private final Codebooks codebooks;
    private final Coding coding;
    private final SearchService search;
    private final Datasets datasets;

    CodebookApiController(Codebooks codebooks, Coding coding, SearchService search, Datasets datasets) {
        this.datasets = datasets;
        this.codebooks = codebooks;
        this.coding = coding;
        this.search = search;
    }

    @Get
    List<Codebook> list() {
        return codebooks.all();
    }

    @Get("/" + NAME)
    MutableHttpResponse<?> one(@PathVariable String name) {
        return codebooks.find(name).<MutableHttpResponse<?>>map(s -> HttpResponse.ok(s.codebook())).orElseGet(() -> notFound(name));
    }

    @Get("/" + NAME + ".yaml")
    @Produces("application/yaml; charset=utf-8")
    MutableHttpResponse<?> yaml(@PathVariable String name) {
        return codebooks.find(name).<MutableHttpResponse<?>>map(s -> HttpResponse.ok(CodebookFile.write(s.codebook()))
                .header("Content-Disposition", "attachment; filename=\"" + name + ".yaml\"")).orElseGet(() -> notFound(name));
    }

    /** Creates or replaces a codebook from YAML. Themes no longer listed are removed with their codes. */
    @Put("/" + NAME)
    @Consumes({"application/yaml", "text/yaml", MediaType.TEXT_PLAIN})
    MutableHttpResponse<?> replace(@PathVariable String name, @Nullable @Body String yaml) {
        var problems = new ArrayList<Problem>();
        Optional<Codebook> cb = CodebookFile.read(yaml, name + ".yaml", problems);
        if (cb.isPresent() && !name.equals(cb.get().name())) {
            problems.add(Problem.error(name + ".yaml", 1, null, "the name in the file is '" + cb.get().name() + "' but the address names '" + name + "'"));
        }
        cb.ifPresent(c -> c.themes().forEach(t -> queryProblem(t).ifPresent(p -> problems.add(Problem.error(name + ".yaml", 0,
                "theme '" + t.name() + "'", p)))));
        if (cb.isEmpty() || problems.stream().anyMatch(p -> !p.warning())) {
            var errors = new LinkedHashMap<String, String>();
            problems.forEach(p -> errors.put("line " + p.line() + (p.subject() == null ? "" : ", " + p.subject()), p.message()));
            return HttpResponse.badRequest(new ApiError(400, "invalid_codebook", "The codebook has problems: see errors.", errors));
        }
        boolean created = codebooks.find(name).isEmpty();
        Codebook saved = codebooks.save(cb.get(), null).codebook();
        return created ? HttpResponse.created(saved) : HttpResponse.ok(saved);
    }

    /** Adds one theme, e.g. a discovered cluster promoted into the codebook. */
    @Post("/" + NAME + "/themes")
    MutableHttpResponse<?> addTheme(@PathVariable String name, @Body Codebook.Theme theme) {
        Optional<Codebooks.Stored> stored = codebooks.find(name);
        if (stored.isEmpty()) {
            return notFound(name);
        }
        String problem = theme.name() == null ? "a theme needs a name" : CodebookFile.themeNameProblem(theme.name().strip());
        if (problem == null && stored.get().themeId(theme.name().strip()).isPresent()) {
            problem = "the codebook already has a theme called '" + theme.name().strip() + "'";
        }
        if (problem == null && blank(theme.parent()) != null && stored.get().themeId(theme.parent().strip()).isEmpty()) {
            problem = "the parent theme '" + theme.parent().strip() + "' is not in this codebook";
        }
        if (problem == null) {
            problem = queryProblem(theme).orElse(null);
        }
        if (problem != null) {
            return HttpResponse.badRequest(ApiError.of(400, "invalid_theme", Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + "."));
        }
        Codebook cb = stored.get().codebook();
        var themes = new ArrayList<>(cb.themes());
        themes.add(new Codebook.Theme(theme.name().strip(), theme.description() == null ? "" : theme.description().strip(),
                blank(theme.parent()), blank(theme.query())));
        return HttpResponse.created(codebooks.save(new Codebook(cb.name(), cb.title(), cb.description(), cb.threshold(), themes), null).codebook());
    }

    @Delete("/" + NAME)
    MutableHttpResponse<?> delete(@PathVariable String name) {
        if (datasets.dataset(name).isPresent()) {
            // Deleting it would drop the dataset's rows and codes but leave its answers in the store.
            return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(409, "dataset_codebook",
                    "The dataset " + name + " codes its rows with this codebook, so it cannot be deleted on its own."));
        }
        return codebooks.delete(name) ? HttpResponse.noContent() : notFound(name);
    }

    /** A verdict on one theme for one answer: {@code applied}, {@code rejected} or {@code removed}. */
    @Serdeable
    record CodeRequest(long responseId, String questionId, String theme, String verdict) {
    }

    @Post("/" + NAME + "/codes")
    MutableHttpResponse<?> code(@PathVariable String name, @Body CodeRequest r, Authentication auth) {
        Optional<Coding.Verdict> verdict = java.util.Arrays.stream(Coding.Verdict.values())
                .filter(v -> v.name().equalsIgnoreCase(String.valueOf(r.verdict()))).findFirst();
        if (verdict.isEmpty() || r.theme() == null || r.questionId() == null) {
            return HttpResponse.badRequest(ApiError.of(400, "invalid_code",
                    "Give responseId, questionId, theme and verdict (applied, rejected or removed)."));
        }
        return switch (coding.code(name, r.theme(), new AnswerKey(r.responseId(), r.questionId()), verdict.get(), auth.getName())) {
            case DONE -> HttpResponse.ok(r);
            case NO_CODEBOOK -> notFound(name);
            case NO_THEME -> HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, "not_found",
                    "The codebook " + name + " has no theme called '" + r.theme() + "'."));
            case NO_ANSWER -> HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, "not_found",
                    "There is no free-text answer to question " + r.questionId() + " in response " + r.responseId() + "."));
        };
    }

    @Get("/" + NAME + "/suggestions")
    MutableHttpResponse<?> suggestions(@PathVariable String name, @RequestBean AnswerFilters filters,
                                       @Nullable @QueryValue Integer limit, Authentication auth) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 1000) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_limit", "limit must be between 1 and 1000."));
        }
        try {
            return coding.toCode(name, filters.request(auth), n).<MutableHttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> notFound(name));
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_filter", e.getMessage()));
        }
    }

    private Optional<String> queryProblem(Codebook.Theme t) {
        if (t.query() == null || t.query().isBlank()) {
            return Optional.empty();
        }
        try {
            search.compile(t.query());
            return Optional.empty();
        } catch (SearchService.BadQuery e) {
            return Optional.of("the query cannot be read: " + e.getMessage());
        }
    }

    private static String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static MutableHttpResponse<?> notFound(String name) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, "not_found", "There is no codebook called " + name + "."));
    }
}
