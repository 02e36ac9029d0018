package org.heard.report;

import com.opencsv.CSVWriter;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.heard.platform.ApiError;
import org.heard.platform.CsvCells;
import org.heard.search.Filters;
import org.heard.search.SearchService;
import org.heard.theme.CodedAnswers;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A codebook's theme report as HTML, JSON and CSV over answers chosen with the search filters, and
 * the drill-down from a theme to its quotes (not for viewers, who never read free text).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
class ThemeReportController {
    private static final String NAME = "{codebook:[a-z0-9][a-z0-9-]*}";

    private final ThemeReport reports;
    private final CodedAnswers coded;

    ThemeReportController(ThemeReport reports, CodedAnswers coded) {
        this.reports = reports;
        this.coded = coded;
    }

    /** The answers a report reads: the search filters, with an agency lead kept to their agency. */
    @Introspected
    record Choice(@Nullable @QueryValue String q, @Nullable @QueryValue String audience, @Nullable @QueryValue String survey,
                  @Nullable @QueryValue String agency, @Nullable @QueryValue String channel, @Nullable @QueryValue String measure,
                  @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
    }

    private Optional<CodedAnswers.CodedSet> read(String codebook, Choice c, Authentication auth) {
        return coded.of(codebook, Filters.of(c.q(), c.audience(), c.survey(), null, c.agency(), c.channel(), c.measure(), c.from(), c.to(), auth));
    }

    @Get("/api/v1/reports/themes/" + NAME)
    @Produces(MediaType.APPLICATION_JSON)
    MutableHttpResponse<?> json(@PathVariable String codebook, @RequestBean Choice choice, Authentication auth) {
        try {
            return read(codebook, choice, auth)
                    .<MutableHttpResponse<?>>map(set -> HttpResponse.ok(reports.build(set))).orElseGet(() -> notFound(codebook));
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_filter", e.getMessage()));
        }
    }

    @Get("/api/v1/reports/themes/" + NAME + ".csv")
    @Produces("text/csv; charset=utf-8")
    MutableHttpResponse<?> csv(@PathVariable String codebook, @RequestBean Choice choice, Authentication auth) {
        Optional<CodedAnswers.CodedSet> set;
        try {
            set = read(codebook, choice, auth);
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_filter", e.getMessage())).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (set.isEmpty()) {
            return notFound(codebook).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(csv(reports.build(set.get())))
                .header("Content-Disposition", "attachment; filename=\"themes-" + codebook + ".csv\"");
    }

    static String csv(ThemeReport.Report r) {
        var out = new StringWriter();
        try (var csv = new CSVWriter(out, ',', '"', '"', "\r\n")) {
            csv.writeNext(new String[] {"theme", "parent", "by", "group", "count", "percent"}, true);
            for (ThemeReport.ThemeRow t : r.themes()) {
                String theme = CsvCells.neutralise(t.theme());
                String parent = CsvCells.neutralise(t.parent());
                csv.writeNext(new String[] {theme, parent, "all", "", t.count().text(), t.percent() == null ? "" : t.percent().toString()}, true);
                write(csv, theme, parent, "audience", r.audiences(), t.byAudience());
                write(csv, theme, parent, "survey", r.surveys(), t.bySurvey());
                write(csv, theme, parent, "agency", r.agencies(), t.byAgency());
                write(csv, theme, parent, "month", r.months(), t.byMonth());
                int i = r.cooccurrence().themes().indexOf(t.theme());
                write(csv, theme, parent, "also coded", r.cooccurrence().themes().stream().map(CsvCells::neutralise).toList(),
                        r.cooccurrence().counts().get(i));
            }
            for (ThemeReport.Recurring rec : r.recurring()) {
                rec.sources().forEach(source -> csv.writeNext(new String[] {CsvCells.neutralise(rec.theme()), "",
                        "recurring " + rec.quarter(), source, "", ""}, true));
            }
            if (r.partial()) {
                // Counted from the newest answers only: the file says so, as the page does.
                csv.writeNext(new String[] {"", "", "answers", "read (newest)", r.answers().text(), ""}, true);
                csv.writeNext(new String[] {"", "", "answers", "matching", r.matching().text(), ""}, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(CSVWriter csv, String theme, String parent, String by, List<String> groups, List<Cell> cells) {
        for (int i = 0; i < groups.size(); i++) {
            csv.writeNext(new String[] {theme, parent, by, groups.get(i), cells.get(i).text(), ""}, true);
        }
    }

    @Get("/reports/themes/" + NAME)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> html(@PathVariable String codebook, @RequestBean Choice choice, Authentication auth) {
        try {
            Optional<CodedAnswers.CodedSet> set = read(codebook, choice, auth);
            if (set.isEmpty()) {
                return HttpResponse.status(HttpStatus.NOT_FOUND).body(new ModelAndView<>("message", Map.of("heading", "Codebook not found",
                        "message", "There is no codebook called " + codebook + ".")));
            }
            ThemeReport.Report report = reports.build(set.get());
            var chart = BarChart.counts("Answers by theme", report.themes().stream()
                    .map(t -> ReportCharts.count(t.theme(), t.count())).toList());
            return HttpResponse.ok(new ModelAndView<>("report/themes", Map.of("report", report, "chart", chart)));
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            return HttpResponse.badRequest(new ModelAndView<>("message", Map.of("heading", "Check the filters", "message", e.getMessage())));
        }
    }

    /** Quotes for one theme, newest first: only from a theme raised by enough people, never a possible disclosure. */
    @Get("/api/v1/reports/themes/" + NAME + "/quotes")
    @Produces(MediaType.APPLICATION_JSON)
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD"})
    MutableHttpResponse<?> quotes(@PathVariable String codebook, @Nullable @QueryValue String theme, @RequestBean Choice choice,
                                  Authentication auth) {
        if (theme == null || theme.isBlank()) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_theme", "Say which theme to quote: add ?theme= with its name."));
        }
        try {
            Optional<CodedAnswers.CodedSet> set = read(codebook, choice, auth);
            if (set.isEmpty()) {
                return notFound(codebook);
            }
            if (set.get().codebook().theme(theme).isEmpty()) {
                return HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, "not_found",
                        "The codebook " + codebook + " has no theme called '" + theme + "'."));
            }
            String name = set.get().codebook().theme(theme).orElseThrow().name();
            return HttpResponse.ok(Map.of("theme", name, "tooFewToQuote", reports.tooFewToQuote(set.get(), name),
                    "quotes", reports.quotes(set.get(), name, 20)));
        } catch (IllegalArgumentException | SearchService.BadQuery e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_filter", e.getMessage()));
        }
    }

    private static MutableHttpResponse<?> notFound(String codebook) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, "not_found", "There is no codebook called " + codebook + "."));
    }
}
