package org.heard.report;

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
import org.heard.staff.StaffScope;
import org.heard.survey.SurveyCatalog;

import java.util.Map;

/** The staff-experience report as JSON, CSV and an HTML board paper; all take an optional comparison round. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
class StaffExperienceController {
    private final StaffExperienceReport reports;
    private final SurveyCatalog catalog;

    StaffExperienceController(StaffExperienceReport reports, SurveyCatalog catalog) {
        this.reports = reports;
        this.catalog = catalog;
    }

    @Get("/api/v1/reports/staff-experience")
    @Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> json(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        try {
            return HttpResponse.ok(build(from, to, compareFrom, compareTo, auth));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage()));
        }
    }

    @Get("/api/v1/reports/staff-experience.csv")
    @Produces("text/csv; charset=utf-8")
    MutableHttpResponse<?> csv(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                               @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        try {
            return HttpResponse.ok(StaffExperienceCsv.write(build(from, to, compareFrom, compareTo, auth)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
    }

    @Get("/reports/staff-experience")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> html(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        try {
            var report = build(from, to, compareFrom, compareTo, auth);
            return HttpResponse.ok(new ModelAndView<>("report/staff-experience", Map.of("report", report, "charts", ReportCharts.staffExperience(report))));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(new ModelAndView<>("message", Map.of("heading", "Check the dates", "message", e.getMessage())));
        }
    }

    /** An agency lead's report holds their own agency against the partnership, in every format. */
    private StaffExperienceReport.Report build(@Nullable String from, @Nullable String to, @Nullable String compareFrom,
                                               @Nullable String compareTo, Authentication auth) {
        Period p = Period.parse(from, to, catalog.today());
        Period compare = Period.parseComparison(compareFrom, compareTo, catalog.today());
        return reports.build(p.from(), p.to(), StaffScope.agencyOf(auth).orElse(null), compare);
    }
}
