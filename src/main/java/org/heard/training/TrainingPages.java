package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.heard.platform.AntiForgery;
import org.heard.platform.IdList;
import org.heard.survey.SurveyCatalog;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff pages for training: courses, each course's sessions, and each session's register, evaluation
 * link and printable QR code. Every form posts, checks its anti-forgery token, then redirects.
 */
@Controller("/staff/training")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
class TrainingPages {
    private static final String EXPIRED = "The form expired. Please send it again.";

    private final Courses courses;
    private final Attendance attendance;
    private final AntiForgery antiForgery;
    private final SurveyCatalog catalog;
    private final TrainingConfiguration config;

    TrainingPages(Courses courses, Attendance attendance, AntiForgery antiForgery, SurveyCatalog catalog, TrainingConfiguration config) {
        this.courses = courses;
        this.attendance = attendance;
        this.antiForgery = antiForgery;
        this.catalog = catalog;
        this.config = config;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        return coursesPage(request, Map.of(), Map.of());
    }

    @Post("/courses")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addCourse(HttpRequest<?> request, @Nullable @Body String body) {
        Map<String, String> f = form(body);
        if (!antiForgery.verify(request, f.get(AntiForgery.FIELD))) {
            return HttpResponse.badRequest(coursesPage(request, f, Map.of("title", EXPIRED)));
        }
        var saved = courses.save(new CourseDraft(f.get("ref"), f.get("title"), lines(f.get("outcomes")),
                IdList.parse(f.get("areas")), IdList.parse(f.get("measures"))));
        if (saved.value() == null) {
            return HttpResponse.badRequest(coursesPage(request, f, saved.errors()));
        }
        return HttpResponse.seeOther(URI.create("/staff/training/courses/" + saved.value().id()));
    }

    @Get("/courses/{id:[0-9]+}")
    MutableHttpResponse<?> course(HttpRequest<?> request, @PathVariable long id) {
        return coursePage(request, id, Map.of(), Map.of());
    }

    @Post("/courses/{id:[0-9]+}/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addSession(HttpRequest<?> request, @PathVariable long id, @Nullable @Body String body) {
        Map<String, String> f = form(body);
        if (!antiForgery.verify(request, f.get(AntiForgery.FIELD))) {
            return coursePage(request, id, f, Map.of("heldOn", EXPIRED));
        }
        Integer capacity = f.getOrDefault("capacity", "").matches("[0-9]{1,6}") ? Integer.valueOf(f.get("capacity")) : null;
        return courses.addSession(id, new SessionDraft(f.get("heldOn"), f.get("trainer"), f.get("venue"), capacity))
                .<MutableHttpResponse<?>>map(s -> s.value() == null ? coursePage(request, id, f, s.errors())
                        : HttpResponse.seeOther(URI.create("/staff/training/sessions/" + s.value().id())))
                .orElseGet(TrainingPages::missing);
    }

    @Get("/sessions/{id:[0-9]+}")
    MutableHttpResponse<?> session(HttpRequest<?> request, @PathVariable long id) {
        return sessionPage(request, id, Map.of(), Map.of(), null);
    }

    @Post("/sessions/{id:[0-9]+}/attendance")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> attend(HttpRequest<?> request, @PathVariable long id, @Nullable @Body String body) {
        Map<String, String> f = form(body);
        if (!antiForgery.verify(request, f.get(AntiForgery.FIELD))) {
            return sessionPage(request, id, f, Map.of("agency", EXPIRED), null);
        }
        Optional<Map<String, String>> errors = attendance.add(id, new AttendeeDraft(f.get("agency"), f.get("name"), f.get("email")));
        if (errors.isEmpty()) {
            return missing();
        }
        return errors.get().isEmpty() ? HttpResponse.seeOther(URI.create("/staff/training/sessions/" + id))
                : sessionPage(request, id, f, errors.get(), null);
    }

    @Post("/sessions/{id:[0-9]+}/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> register(HttpRequest<?> request, @PathVariable long id, @Nullable @Body String body) {
        Map<String, String> f = form(body);
        if (!antiForgery.verify(request, f.get(AntiForgery.FIELD))) {
            return sessionPage(request, id, f, Map.of("csv", EXPIRED), null);
        }
        try {
            return attendance.importRegister(id, f.get("csv")).<MutableHttpResponse<?>>map(r -> sessionPage(request, id, Map.of(), Map.of(), r))
                    .orElseGet(TrainingPages::missing);
        } catch (IllegalArgumentException e) {
            return sessionPage(request, id, f, Map.of("csv", e.getMessage()), null);
        }
    }

    private ModelAndView<Map<String, Object>> coursesPage(HttpRequest<?> request, Map<String, String> values, Map<String, String> errors) {
        var model = base(request, values, errors);
        model.put("courses", courses.all());
        return new ModelAndView<>("training/courses", model);
    }

    private MutableHttpResponse<?> coursePage(HttpRequest<?> request, long id, Map<String, String> values, Map<String, String> errors) {
        return courses.course(id).<MutableHttpResponse<?>>map(c -> {
            var model = base(request, values, errors);
            model.put("course", c);
            model.put("sessions", courses.sessions(id));
            return errors.isEmpty() ? HttpResponse.ok(new ModelAndView<>("training/course", model))
                    : HttpResponse.badRequest(new ModelAndView<>("training/course", model));
        }).orElseGet(TrainingPages::missing);
    }

    private MutableHttpResponse<?> sessionPage(HttpRequest<?> request, long id, Map<String, String> values, Map<String, String> errors,
                                               @Nullable Attendance.ImportReport report) {
        return courses.session(id).<MutableHttpResponse<?>>map(s -> {
            var model = base(request, values, errors);
            String link = config.link("/training/" + s.code());
            model.put("session", s);
            model.put("course", courses.course(s.courseId()).orElseThrow());
            model.put("link", link);
            // Our own markup from our own link: nothing typed by anyone goes into it.
            model.put("qr", QrCode.svg(link));
            model.put("attendance", attendance.byAgency(id));
            model.put("agencies", catalog.agencies().all());
            model.put("report", report);
            model.put("evaluationDays", config.evaluationDays());
            return errors.isEmpty() ? HttpResponse.ok(new ModelAndView<>("training/session", model))
                    : HttpResponse.badRequest(new ModelAndView<>("training/session", model));
        }).orElseGet(TrainingPages::missing);
    }

    private Map<String, Object> base(HttpRequest<?> request, Map<String, String> values, Map<String, String> errors) {
        var model = new HashMap<String, Object>();
        model.put("csrf", antiForgery.token(request));
        model.put("values", values);
        model.put("errors", errors);
        return model;
    }

    private static MutableHttpResponse<?> missing() {
        return HttpResponse.notFound(new ModelAndView<>("message", Map.of("heading", "We cannot find that", "message",
                "It may have been removed. Go back to the training list.")));
    }

    private static Map<String, String> form(@Nullable String body) {
        Map<String, String> out = new HashMap<>();
        new QueryStringDecoder(body == null ? "" : body, StandardCharsets.UTF_8, false).parameters()
                .forEach((k, v) -> out.put(k, String.join(";", v)));
        return out;
    }

    private static List<String> lines(@Nullable String typed) {
        return typed == null ? List.of() : Arrays.stream(typed.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
