package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.heard.platform.ApiError;
import org.heard.report.Period;
import org.heard.survey.SurveyCatalog;

import java.util.Map;

/** The training impact report as HTML for board papers, JSON and CSV. Viewers see figures, not quotes. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
class ImpactReportController {
    private final ImpactReport reports;
    private final SurveyCatalog catalog;

    ImpactReportController(ImpactReport reports, SurveyCatalog catalog) {
        this.reports = reports;
        this.catalog = catalog;
    }

    @Get("/reports/training")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> html(@Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue Long course,
                                Authentication auth) {
        try {
            return HttpResponse.ok(new ModelAndView<>("training/impact", Map.of("report", build(from, to, course, auth))));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(new ModelAndView<>("message", Map.of("heading", "Check the dates", "message", e.getMessage())));
        }
    }

    @Get("/api/v1/courses/report")
    @Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> json(@Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue Long course,
                                Authentication auth) {
        try {
            return HttpResponse.ok(build(from, to, course, auth));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage()));
        }
    }

    @Get("/api/v1/courses/report.csv")
    @Produces("text/csv; charset=utf-8")
    MutableHttpResponse<?> csv(@Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue Long course,
                               Authentication auth) {
        try {
            return HttpResponse.ok(ImpactCsv.write(build(from, to, course, auth)))
                    .header("Content-Disposition", "attachment; filename=\"training-impact.csv\"");
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private ImpactReport.Report build(@Nullable String from, @Nullable String to, @Nullable Long course, Authentication auth) {
        Period period = Period.parse(from, to, catalog.today());
        boolean freeText = !(auth.getRoles().size() == 1 && auth.getRoles().contains("VIEWER"));
        return reports.build(period.from(), period.to(), course, freeText);
    }
}
