package org.heard.report;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.heard.platform.ApiError;
import org.heard.platform.CsvCells;
import org.heard.survey.SurveyCatalog;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The voice-of-the-child report as an HTML board paper, JSON and CSV. Viewers see counts, never quotes. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
class VoiceOfChildController {
    private final VoiceOfChildReport reports;
    private final SurveyCatalog catalog;

    VoiceOfChildController(VoiceOfChildReport reports, SurveyCatalog catalog) {
        this.reports = reports;
        this.catalog = catalog;
    }

    @Get("/reports/voice-of-child")
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> html(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        try {
            var report = build(from, to, compareFrom, compareTo, auth);
            return HttpResponse.ok(new ModelAndView<>("report/voice-of-child", Map.of("report", report, "chart", ReportCharts.voiceOfChild(report))));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(new ModelAndView<>("message", Map.of("heading", "Check the dates", "message", e.getMessage())));
        }
    }

    @Get("/api/v1/reports/voice-of-child")
    @Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> json(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        try {
            return HttpResponse.ok(build(from, to, compareFrom, compareTo, auth));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage()));
        }
    }

    @Get("/api/v1/reports/voice-of-child.csv")
    @Produces("text/csv; charset=utf-8")
    MutableHttpResponse<?> csv(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String compareFrom, @Nullable @QueryValue String compareTo, Authentication auth) {
        VoiceOfChildReport.Report r;
        try {
            r = build(from, to, compareFrom, compareTo, auth);
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_period", e.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            var header = new ArrayList<>(List.of("section", "survey", "title"));
            header.addAll(r.channels());
            header.add("total");
            csv.writeNext(header.toArray(String[]::new), true);
            for (var row : r.surveys()) {
                var line = new ArrayList<>(List.of("responses", row.surveyId(), CsvCells.neutralise(row.title())));
                row.byChannel().forEach(c -> line.add(c.text()));
                line.add(row.total().text());
                csv.writeNext(line.toArray(String[]::new), true);
            }
            csv.writeNext(new String[] {"responses", "all", "All young people's surveys", r.responses().text(), "previous period", r.previousResponses().text()}, true);
            csv.writeNext(new String[] {"activities", "", "Consultation activities engaging children", r.activities().text(), "previous period", r.previousActivities().text()}, true);
            for (var a : r.actions()) {
                csv.writeNext(new String[] {"you-said-we-did", a.doneOn().toString(), CsvCells.neutralise(a.said()), CsvCells.neutralise(a.did())}, true);
            }
            for (var t : r.themes()) {
                csv.writeNext(new String[] {"theme", r.codebook(), CsvCells.neutralise(t.theme()), t.answers().text(), "previous period",
                        t.previousAnswers().text()}, true);
            }
            for (var q : r.quotes()) {
                csv.writeNext(new String[] {"quote", q.surveyId(), CsvCells.neutralise(q.question()), CsvCells.neutralise(q.text())}, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.ok(out.toString());
    }

    private VoiceOfChildReport.Report build(@Nullable String from, @Nullable String to, @Nullable String compareFrom,
                                            @Nullable String compareTo, Authentication auth) {
        Period period = Period.parse(from, to, catalog.today());
        boolean freeText = !(auth.getRoles().size() == 1 && auth.getRoles().contains("VIEWER"));
        return reports.build(period.from(), period.to(), Period.parseComparison(compareFrom, compareTo, catalog.today()), freeText);
    }
}
