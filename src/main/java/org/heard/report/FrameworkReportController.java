package org.heard.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.heard.framework.FrameworkCatalog;
import org.heard.platform.ApiError;
import org.heard.survey.SurveyCatalog;

import java.util.Map;

/** The framework evidence report as JSON and as an HTML board paper. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
class FrameworkReportController {
    private final FrameworkReport reports;
    private final FrameworkCatalog frameworks;
    private final SurveyCatalog catalog;

    FrameworkReportController(FrameworkReport reports, FrameworkCatalog frameworks, SurveyCatalog catalog) {
        this.reports = reports;
        this.frameworks = frameworks;
        this.catalog = catalog;
    }

    @Get("/api/v1/reports/framework/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> json(@PathVariable String id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        var f = frameworks.find(id);
        if (f.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(404, "not_found", "There is no framework '" + id + "'."));
        }
        try {
            Period period = Period.parse(from, to, catalog.today());
            return HttpResponse.ok(reports.build(f.get(), period.from(), period.to(), compare(compareFrom, compareTo), mayReadFreeText(auth)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage()));
        }
    }

    @Get("/api/v1/reports/framework/{id}.csv")
    @Produces("text/csv; charset=utf-8")
    MutableHttpResponse<?> csv(@PathVariable String id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                               @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        var f = frameworks.find(id);
        if (f.isEmpty()) {
            return HttpResponse.notFound(ApiError.of(404, "not_found", "There is no framework '" + id + "'.")).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        try {
            Period period = Period.parse(from, to, catalog.today());
            return HttpResponse.ok(FrameworkReportCsv.write(reports.build(f.get(), period.from(), period.to(), compare(compareFrom, compareTo),
                    mayReadFreeText(auth))));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** Viewers read aggregate reports only, never what people wrote. */
    private static boolean mayReadFreeText(Authentication auth) {
        return !(auth.getRoles().size() == 1 && auth.getRoles().contains("VIEWER"));
    }

    @Nullable
    private Period compare(@Nullable String from, @Nullable String to) {
        return Period.parseComparison(from, to, catalog.today());
    }

    @Get("/reports/framework/{id}")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> html(@PathVariable String id, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        var f = frameworks.find(id);
        if (f.isEmpty()) {
            return HttpResponse.notFound(new ModelAndView<>("message", Map.of("heading", "There is no such framework", "message", "Check the address.")));
        }
        try {
            Period period = Period.parse(from, to, catalog.today());
            var report = reports.build(f.get(), period.from(), period.to(), compare(compareFrom, compareTo), mayReadFreeText(auth));
            return HttpResponse.ok(new ModelAndView<>("report/framework", Map.of("report", report, "charts", ReportCharts.framework(report))));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(new ModelAndView<>("message", Map.of("heading", "Check the dates", "message", e.getMessage())));
        }
    }
}
