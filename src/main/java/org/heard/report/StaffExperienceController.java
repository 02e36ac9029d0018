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

/** The staff-experience report as JSON and an HTML board paper. */
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
    MutableHttpResponse<?> json(@Nullable @QueryValue String from, @Nullable @QueryValue String to, Authentication auth) {
        try {
            Period p = Period.parse(from, to, catalog.today());
            return HttpResponse.ok(reports.build(p.from(), p.to(), StaffScope.agencyOf(auth).orElse(null)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage()));
        }
    }

    @Get("/reports/staff-experience")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> html(@Nullable @QueryValue String from, @Nullable @QueryValue String to, Authentication auth) {
        try {
            Period p = Period.parse(from, to, catalog.today());
            return HttpResponse.ok(new ModelAndView<>("report/staff-experience",
                    Map.of("report", reports.build(p.from(), p.to(), StaffScope.agencyOf(auth).orElse(null)))));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(new ModelAndView<>("message", Map.of("heading", "Check the dates", "message", e.getMessage())));
        }
    }
}
