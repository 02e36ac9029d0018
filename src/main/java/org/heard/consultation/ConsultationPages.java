package org.heard.consultation;

import org.heard.platform.IdList;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.heard.platform.AntiForgery;
import org.heard.survey.SurveyCatalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Staff pages for the consultation log: list and filter, add, edit, and paste in a CSV log. */
@Controller("/staff/consultations")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
class ConsultationPages {
    private final ConsultationLog log;
    private final AntiForgery antiForgery;
    private final SurveyCatalog catalog;

    ConsultationPages(ConsultationLog log, AntiForgery antiForgery, SurveyCatalog catalog) {
        this.log = log;
        this.antiForgery = antiForgery;
        this.catalog = catalog;
    }

    @Get
    @Secured({"ADMIN", "ANALYST", "SAFEGUARDING_LEAD", "AGENCY_LEAD", "VIEWER"})
    MutableHttpResponse<?> list(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                @Nullable @QueryValue String audience, @Nullable @QueryValue String area,
                                @Nullable @QueryValue String method, @Nullable @QueryValue String agency) {
        var model = base(request);
        try {
            model.put("activities", log.list(new ActivityFilter(ConsultationApiController.date(from), ConsultationApiController.date(to),
                    empty(audience), empty(area), empty(method), empty(agency))));
        } catch (DateTimeParseException e) {
            model.put("activities", List.of());
            model.put("filterError", "Enter dates like 2026-03-31");
        }
        model.put("filter", new HashMap<>(Map.of("from", str(from), "to", str(to), "audience", str(audience), "area", str(area),
                "method", str(method), "agency", str(agency))));
        return HttpResponse.ok(new ModelAndView<>("consultation/list", model));
    }

    @Get("/new")
    ModelAndView<Map<String, Object>> add(HttpRequest<?> request) {
        return form(request, null, Map.of(), Map.of());
    }

    @Get("/{id:[0-9]+}/edit")
    MutableHttpResponse<?> edit(HttpRequest<?> request, @PathVariable long id) {
        return log.find(id).<MutableHttpResponse<?>>map(a -> HttpResponse.ok(form(request, id, values(a), Map.of())))
                .orElseGet(() -> HttpResponse.notFound(new ModelAndView<>("message", Map.of("heading", "There is no such activity", "message", "It may have been removed."))));
    }

    @Post("/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @Nullable @Body String body) {
        Map<String, List<String>> f = new QueryStringDecoder(body == null ? "" : body, StandardCharsets.UTF_8, false).parameters();
        Map<String, String> values = new HashMap<>();
        f.forEach((k, v) -> values.put(k, String.join(";", v)));
        Long id = values.getOrDefault("id", "").matches("[0-9]+") ? Long.valueOf(values.get("id")) : null;
        if (!antiForgery.verify(request, values.get(AntiForgery.FIELD))) {
            return HttpResponse.status(HttpStatus.BAD_REQUEST).body(form(request, id, values, Map.of("title", "The form expired. Please send it again.")));
        }
        ActivityDraft draft = new ActivityDraft(values.get("ref"), values.get("heldOn"), values.get("title"), f.getOrDefault("audiences", List.of()),
                IdList.parse(values.get("areas")), IdList.parse(values.get("measures")), values.get("method"), values.get("participants"),
                values.get("under11"), values.get("from11To15"), values.get("from16To17"), values.get("adults"), values.get("leadAgency"),
                IdList.parse(values.get("surveys")), values.get("keyMessages"), values.get("followUp"));
        Map<String, String> errors;
        if (id == null) {
            errors = log.save(draft).errors();
        } else {
            errors = log.update(id, draft).map(ConsultationLog.Saved::errors).orElse(Map.of("title", "This activity no longer exists"));
        }
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(form(request, id, values, errors));
        }
        return HttpResponse.seeOther(URI.create("/staff/consultations"));
    }

    @Get("/import")
    ModelAndView<Map<String, Object>> importPage(HttpRequest<?> request) {
        var model = base(request);
        model.put("header", String.join(",", ActivityCsv.HEADER));
        return new ModelAndView<>("consultation/import", model);
    }

    @Post("/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> importCsv(HttpRequest<?> request, @Body Map<String, String> form) {
        var model = base(request);
        model.put("header", String.join(",", ActivityCsv.HEADER));
        if (!antiForgery.verify(request, form.get(AntiForgery.FIELD))) {
            model.put("error", "The form expired. Please paste the log again.");
            return HttpResponse.badRequest(new ModelAndView<>("consultation/import", model));
        }
        MutableHttpResponse<?> result = ConsultationApiController.importRows(log, form.get("csv"));
        if (result.getBody().orElse(null) instanceof ActivityCsv.ImportReport report) {
            model.put("report", report);
        } else {
            model.put("error", result.getBody().map(b -> ((org.heard.platform.ApiError) b).message()).orElse("The file could not be read."));
        }
        return HttpResponse.ok(new ModelAndView<>("consultation/import", model));
    }

    private ModelAndView<Map<String, Object>> form(HttpRequest<?> request, @Nullable Long id, Map<String, String> values, Map<String, String> errors) {
        var model = base(request);
        model.put("id", id == null ? "" : id.toString());
        model.put("values", values);
        model.put("errors", errors);
        return new ModelAndView<>("consultation/form", model);
    }

    private Map<String, Object> base(HttpRequest<?> request) {
        var model = new HashMap<String, Object>();
        model.put("csrf", antiForgery.token(request));
        model.put("audiences", AudienceGroup.values());
        model.put("methods", Method.values());
        model.put("agencies", catalog.agencies().all());
        return model;
    }

    private static Map<String, String> values(Activity a) {
        var v = new HashMap<String, String>();
        v.put("ref", a.ref());
        v.put("heldOn", a.heldOn().toString());
        v.put("title", a.title());
        v.put("audiences", String.join(";", a.audiences()));
        v.put("areas", String.join("; ", a.areas()));
        v.put("measures", String.join("; ", a.measures()));
        v.put("method", a.method());
        v.put("participants", String.valueOf(a.participants()));
        v.put("under11", a.ageBands().under11() == null ? "" : a.ageBands().under11().toString());
        v.put("from11To15", a.ageBands().from11To15() == null ? "" : a.ageBands().from11To15().toString());
        v.put("from16To17", a.ageBands().from16To17() == null ? "" : a.ageBands().from16To17().toString());
        v.put("adults", a.ageBands().adults() == null ? "" : a.ageBands().adults().toString());
        v.put("leadAgency", a.leadAgency() == null ? "" : a.leadAgency());
        v.put("surveys", String.join("; ", a.surveys()));
        v.put("keyMessages", a.keyMessages() == null ? "" : a.keyMessages());
        v.put("followUp", a.followUp() == null ? "" : a.followUp());
        return v;
    }

    @Nullable
    private static String empty(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String str(@Nullable String s) {
        return s == null ? "" : s;
    }
}
