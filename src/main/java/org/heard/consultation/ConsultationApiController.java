package org.heard.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.heard.platform.ApiError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The consultation log and its actions over JSON, with CSV import and export. Analysts and admins
 * change the log; every staff role may read it (activities hold no personal data).
 */
@Controller("/api/v1/consultations")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
class ConsultationApiController {
    private final ConsultationLog log;
    private final YouSaidWeDid actions;
    private final org.heard.response.ResponseService responses;

    ConsultationApiController(ConsultationLog log, YouSaidWeDid actions, org.heard.response.ResponseService responses) {
        this.log = log;
        this.actions = actions;
        this.responses = responses;
    }

    @Get
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
    MutableHttpResponse<?> list(@Nullable @QueryValue String from, @Nullable @QueryValue String to, @Nullable @QueryValue String audience,
                                @Nullable @QueryValue String area, @Nullable @QueryValue String method, @Nullable @QueryValue String agency) {
        try {
            return HttpResponse.ok(log.list(new ActivityFilter(date(from), date(to), audience, area, method, agency)));
        } catch (DateTimeParseException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_date", "Give dates like 2026-03-31."));
        }
    }

    @Get("/{id:[0-9]+}")
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
    MutableHttpResponse<?> one(@PathVariable long id) {
        return log.find(id).<MutableHttpResponse<?>>map(a -> HttpResponse.ok(view(a))).orElseGet(() -> notFound(id));
    }

    private ActivityView view(Activity a) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        a.surveys().forEach(s -> counts.put(s, responses.count(s)));
        return new ActivityView(a, counts);
    }

    @Post
    MutableHttpResponse<?> create(@Body ActivityDraft draft) {
        ConsultationLog.Saved saved = log.save(draft);
        if (saved.activity() == null) {
            return invalid(saved.errors());
        }
        return saved.created() ? HttpResponse.created(saved.activity()) : HttpResponse.ok(saved.activity());
    }

    @Put("/{id:[0-9]+}")
    MutableHttpResponse<?> update(@PathVariable long id, @Body ActivityDraft draft) {
        return log.update(id, draft).<MutableHttpResponse<?>>map(s -> s.activity() == null ? invalid(s.errors()) : HttpResponse.ok(s.activity()))
                .orElseGet(() -> notFound(id));
    }

    @Delete("/{id:[0-9]+}")
    MutableHttpResponse<?> delete(@PathVariable long id) {
        return log.delete(id) ? HttpResponse.noContent() : notFound(id);
    }

    @Get("/export.csv")
    @Produces("text/csv; charset=utf-8")
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
    MutableHttpResponse<?> export() {
        return HttpResponse.ok(ActivityCsv.write(log.list(ActivityFilter.ALL)))
                .header("Content-Disposition", "attachment; filename=\"consultation-log.csv\"");
    }

    @Post("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    MutableHttpResponse<?> importCsv(@Nullable @Body String body) {
        return importRows(log, body);
    }

    /** Imports row by row: each row is stored whole or not at all, and a bad row never stops the rest. */
    static MutableHttpResponse<?> importRows(ConsultationLog log, @Nullable String body) {
        List<Map<String, String>> rows;
        try {
            rows = ActivityCsv.read(body);
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_csv", e.getMessage()));
        }
        int imported = 0;
        int updated = 0;
        var rejected = new ArrayList<ActivityCsv.Rejected>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            if (row.isEmpty()) {
                continue;
            }
            if (row.get("ref") == null || row.get("ref").isBlank()) {
                rejected.add(new ActivityCsv.Rejected(i + 2, "", Map.of("ref", "Every row needs a ref, so importing it again updates rather than duplicates")));
                continue;
            }
            ConsultationLog.Saved saved = log.save(ActivityCsv.draft(row));
            if (saved.activity() == null) {
                rejected.add(new ActivityCsv.Rejected(i + 2, row.get("ref"), saved.errors()));
            } else if (saved.created()) {
                imported++;
            } else {
                updated++;
            }
        }
        return HttpResponse.ok(new ActivityCsv.ImportReport(imported, updated, rejected));
    }

    @Get("/actions")
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
    List<FollowUpAction> actions() {
        return actions.all();
    }

    @Post("/actions")
    MutableHttpResponse<?> createAction(@Body FollowUpAction.Draft draft) {
        YouSaidWeDid.Saved s = actions.create(draft);
        return s.action() == null ? invalid(s.errors()) : HttpResponse.created(s.action());
    }

    @Put("/actions/{id:[0-9]+}")
    MutableHttpResponse<?> updateAction(@PathVariable long id, @Body FollowUpAction.Draft draft) {
        return actions.update(id, draft).<MutableHttpResponse<?>>map(s -> s.action() == null ? invalid(s.errors()) : HttpResponse.ok(s.action()))
                .orElseGet(() -> HttpResponse.notFound(ApiError.of(404, "not_found", "There is no action " + id + ".")));
    }

    @Post("/actions/{id:[0-9]+}/publish")
    MutableHttpResponse<?> publish(@PathVariable long id) {
        return publishing(id, true);
    }

    @Post("/actions/{id:[0-9]+}/unpublish")
    MutableHttpResponse<?> unpublish(@PathVariable long id) {
        return publishing(id, false);
    }

    private MutableHttpResponse<?> publishing(long id, boolean on) {
        return actions.setPublished(id, on).<MutableHttpResponse<?>>map(errors -> errors.isEmpty()
                        ? HttpResponse.ok(actions.find(id).orElseThrow()) : invalid(errors))
                .orElseGet(() -> HttpResponse.notFound(ApiError.of(404, "not_found", "There is no action " + id + ".")));
    }

    private static MutableHttpResponse<?> invalid(Map<String, String> errors) {
        return HttpResponse.badRequest(new ApiError(400, "invalid", "Some details need fixing: see errors.", errors));
    }

    private static MutableHttpResponse<?> notFound(long id) {
        return HttpResponse.notFound(ApiError.of(404, "not_found", "There is no activity " + id + "."));
    }

    @Nullable
    static LocalDate date(@Nullable String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    }
}
