package org.heard.theme;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.heard.platform.ApiError;
import org.heard.search.SearchRequest;
import org.heard.search.SearchService;
import org.heard.staff.AccessLog;


/** Theme discovery over any set of answers chosen with the search filters. */
@Controller("/api/v1/themes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
@Produces(MediaType.APPLICATION_JSON)
class ThemeApiController {
    private final ThemeAnswers answers;
    private final AccessLog accessLog;
    private final int minimumQuoteGroup;

    ThemeApiController(ThemeAnswers answers, AccessLog accessLog, @Value("${heard.minimum-quote-group:10}") int minimumQuoteGroup) {
        this.answers = answers;
        this.accessLog = accessLog;
        this.minimumQuoteGroup = minimumQuoteGroup;
    }

    @Get("/discover")
    MutableHttpResponse<?> discover(@RequestBean AnswerFilters filters, @Nullable @QueryValue Integer clusters, Authentication auth) {
        int k = clusters == null ? 6 : clusters;
        if (k < 1 || k > 20) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_clusters", "clusters must be between 1 and 20."));
        }
        try {
            SearchRequest request = filters.request(auth);
            ThemeAnswers.Chosen chosen = answers.chosenAndRest(request);
            accessLog.record(auth.getName(), "theme discovery", chosen.set().size() + " answers");
            return HttpResponse.ok(Discovery.discover(chosen.set(), chosen.rest(), k, minimumQuoteGroup, chosen.quotable()::contains)
                    .outOf(chosen.matching()));
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_filter", e.getMessage()));
        }
    }
}
