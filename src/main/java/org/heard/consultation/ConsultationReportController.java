package org.heard.consultation;

import com.opencsv.CSVWriter;
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
import io.micronaut.views.ModelAndView;
import org.heard.platform.ApiError;
import org.heard.platform.CsvCells;
import org.heard.report.Period;
import org.heard.survey.SurveyCatalog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The consultation report as an HTML board paper, JSON and CSV. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
class ConsultationReportController {
    private final ConsultationReport reports;
    private final SurveyCatalog catalog;

    ConsultationReportController(ConsultationReport reports, SurveyCatalog catalog) {
        this.reports = reports;
        this.catalog = catalog;
    }

    @Get("/reports/consultations")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> html(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        try {
            return HttpResponse.ok(new ModelAndView<>("consultation/report", Map.of("report", build(from, to))));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(new ModelAndView<>("message", Map.of("heading", "Check the dates", "message", e.getMessage())));
        }
    }

    @Get("/api/v1/reports/consultations")
    @Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> json(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        try {
            return HttpResponse.ok(build(from, to));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage()));
        }
    }

    @Get("/api/v1/reports/consultations.csv")
    @Produces("text/csv; charset=utf-8")
    MutableHttpResponse<?> csv(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        ConsultationReport.Report r;
        try {
            r = build(from, to);
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            csv.writeNext(new String[] {"measure", "key", "label", "this_period", "previous_period"}, true);
            csv.writeNext(new String[] {"activities", "", "Activities engaging children and young people", r.activities().text(), r.previousActivities().text()}, true);
            csv.writeNext(new String[] {"participants", "", "Participants", r.participants().text(), r.previousParticipants().text()}, true);
            csv.writeNext(new String[] {"follow_up", "with", "With a follow-up action", r.withFollowUp().text(), ""}, true);
            csv.writeNext(new String[] {"follow_up", "without", "Without a follow-up action", r.withoutFollowUp().text(), ""}, true);
            write(csv, "audience", r.byAudience());
            write(csv, "method", r.byMethod());
            write(csv, "area", r.byArea());
            write(csv, "agency", r.byAgency());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString());
    }

    private static void write(CSVWriter csv, String measure, List<ConsultationReport.Row> rows) {
        for (ConsultationReport.Row row : rows) {
            csv.writeNext(new String[] {measure, CsvCells.neutralise(row.key()), CsvCells.neutralise(row.label()),
                    row.count().text(), row.previous().text()}, true);
        }
    }

    private ConsultationReport.Report build(@Nullable String from, @Nullable String to) {
        Period period = Period.parse(from, to, catalog.today());
        return reports.build(period.from(), period.to());
    }
}
