package org.heard.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.heard.platform.ApiError;
import org.heard.staff.AccessLog;
import org.heard.staff.StaffScope;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Search over JSON for the staff who may read free text, and the admins' rebuild of the index. */
@Controller("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
// Platform threads, not virtual ones: Lucene's analyzers keep their token streams per thread, and a
// fresh virtual thread for every request would build them again for every search.
@ExecuteOn(TaskExecutors.IO)
class SearchController {
    private final SearchService search;
    private final SearchIndex index;
    private final SearchConfiguration config;
    private final AccessLog accessLog;

    SearchController(SearchService search, SearchIndex index, SearchConfiguration config, AccessLog accessLog) {
        this.search = search;
        this.index = index;
        this.config = config;
        this.accessLog = accessLog;
    }

    @Get("/search")
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD"})
    MutableHttpResponse<?> search(@Nullable @QueryValue String q, @Nullable @QueryValue String audience, @Nullable @QueryValue String survey,
                                  @Nullable @QueryValue String question, @Nullable @QueryValue String agency,
                                  @Nullable @QueryValue String channel, @Nullable @QueryValue String measure,
                                  @Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue Integer page,
                                  @Nullable @QueryValue Integer size, @Nullable @QueryValue String sort, Authentication auth) {
        try {
            SearchRequest r = request(q, audience, survey, question, agency, channel, measure, from, to, page, size, sort, auth, config.maxPageSize());
            SearchResult result = search.search(r);
            accessLog.record(auth.getName(), "search", "query of " + (q == null ? 0 : q.length()) + " characters");
            return HttpResponse.ok(result);
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_search", e.getMessage()));
        }
    }

    /** Shared by the API and the search page: checks the parameters and applies the agency lead's scope. */
    static SearchRequest request(@Nullable String q, @Nullable String audience, @Nullable String survey, @Nullable String question,
                                 @Nullable String agency, @Nullable String channel, @Nullable String measure, @Nullable String from,
                                 @Nullable String to, @Nullable Integer page, @Nullable Integer size, @Nullable String sort,
                                 Authentication auth, int maxPageSize) {
        int p = page == null ? 1 : page;
        int s = size == null ? 20 : size;
        if (p < 1 || p > 1000) {
            throw new IllegalArgumentException("page must be between 1 and 1000.");
        }
        if (s < 1 || s > maxPageSize) {
            throw new IllegalArgumentException("size must be between 1 and " + maxPageSize + ".");
        }
        if (sort != null && !sort.isBlank() && !sort.equals("relevance") && !sort.equals("date")) {
            throw new IllegalArgumentException("sort must be relevance or date.");
        }
        if (q != null && q.length() > 1000) {
            throw new IllegalArgumentException("The search is too long: keep it under 1000 characters.");
        }
        LocalDate f;
        LocalDate t;
        try {
            f = from == null || from.isBlank() ? null : LocalDate.parse(from.strip());
            t = to == null || to.isBlank() ? null : LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Give dates like 2026-03-31.");
        }
        return new SearchRequest(q, blank(audience), blank(survey), blank(question), blank(agency), blank(channel), blank(measure),
                f, t, p, s, "date".equals(sort), StaffScope.agencyOf(auth).orElse(null));
    }

    private static String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Get("/admin/reindex")
    @Secured("ADMIN")
    SearchIndex.Progress progress() {
        return index.progress();
    }

    @Post("/admin/reindex")
    @Secured("ADMIN")
    MutableHttpResponse<?> reindex() {
        if (!index.startRebuild()) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(ApiError.of(409, "running", "A rebuild is already running."));
        }
        return HttpResponse.accepted().body(Map.of("message", "Rebuilding the search index. GET this address for progress."));
    }
}
