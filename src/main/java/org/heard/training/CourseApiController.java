package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import org.heard.platform.ApiError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Courses, sessions and attendance over JSON, with register import and each session's QR code.
 * Analysts and admins manage training; attendees' names and addresses never leave this API.
 */
@Controller("/api/v1/courses")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
class CourseApiController {
    private final Courses courses;
    private final Attendance attendance;
    private final TrainingConfiguration config;

    CourseApiController(Courses courses, Attendance attendance, TrainingConfiguration config) {
        this.courses = courses;
        this.attendance = attendance;
        this.config = config;
    }

    /** A session with its evaluation link and attendance by agency. */
    @Serdeable
    record SessionView(TrainingSession session, String evaluationLink, String qrCode, Map<String, Long> attendanceByAgency, long attendees) {
    }

    @Serdeable
    record CourseView(Course course, List<SessionView> sessions) {
    }

    @Get
    List<Course> list() {
        return courses.all();
    }

    @Post
    MutableHttpResponse<?> create(@Body CourseDraft draft) {
        Courses.Saved<Course> saved = courses.save(draft);
        if (saved.value() == null) {
            return invalid(saved.errors());
        }
        return saved.created() ? HttpResponse.created(saved.value()) : HttpResponse.ok(saved.value());
    }

    @Get("/{id:[0-9]+}")
    MutableHttpResponse<?> one(@PathVariable long id) {
        return courses.course(id).<MutableHttpResponse<?>>map(c -> HttpResponse.ok(new CourseView(c,
                courses.sessions(id).stream().map(this::view).toList()))).orElseGet(() -> notFound("course", id));
    }

    @Put("/{id:[0-9]+}")
    MutableHttpResponse<?> update(@PathVariable long id, @Body CourseDraft draft) {
        return courses.update(id, draft).<MutableHttpResponse<?>>map(s -> s.value() == null ? invalid(s.errors()) : HttpResponse.ok(s.value()))
                .orElseGet(() -> notFound("course", id));
    }

    @Delete("/{id:[0-9]+}")
    MutableHttpResponse<?> delete(@PathVariable long id) {
        return courses.delete(id) ? HttpResponse.noContent() : notFound("course", id);
    }

    @Post("/{id:[0-9]+}/sessions")
    MutableHttpResponse<?> addSession(@PathVariable long id, @Body SessionDraft draft) {
        return courses.addSession(id, draft).<MutableHttpResponse<?>>map(s -> s.value() == null ? invalid(s.errors())
                : HttpResponse.created(view(s.value()))).orElseGet(() -> notFound("course", id));
    }

    @Get("/{id:[0-9]+}/sessions/{sessionId:[0-9]+}")
    MutableHttpResponse<?> session(@PathVariable long id, @PathVariable long sessionId) {
        return sessionOf(id, sessionId).<MutableHttpResponse<?>>map(s -> HttpResponse.ok(view(s)))
                .orElseGet(() -> notFound("session", sessionId));
    }

    @Put("/{id:[0-9]+}/sessions/{sessionId:[0-9]+}")
    MutableHttpResponse<?> updateSession(@PathVariable long id, @PathVariable long sessionId, @Body SessionDraft draft) {
        if (sessionOf(id, sessionId).isEmpty()) {
            return notFound("session", sessionId);
        }
        Courses.Saved<TrainingSession> saved = courses.updateSession(sessionId, draft).orElseThrow();
        return saved.value() == null ? invalid(saved.errors()) : HttpResponse.ok(view(saved.value()));
    }

    @Delete("/{id:[0-9]+}/sessions/{sessionId:[0-9]+}")
    MutableHttpResponse<?> deleteSession(@PathVariable long id, @PathVariable long sessionId) {
        return sessionOf(id, sessionId).isPresent() && courses.deleteSession(sessionId) ? HttpResponse.noContent() : notFound("session", sessionId);
    }

    @Post("/{id:[0-9]+}/sessions/{sessionId:[0-9]+}/attendance")
    MutableHttpResponse<?> attend(@PathVariable long id, @PathVariable long sessionId, @Body AttendeeDraft draft) {
        if (sessionOf(id, sessionId).isEmpty()) {
            return notFound("session", sessionId);
        }
        Map<String, String> errors = attendance.add(sessionId, draft).orElseThrow();
        return errors.isEmpty() ? HttpResponse.created(view(courses.session(sessionId).orElseThrow())) : invalid(errors);
    }

    @Post("/{id:[0-9]+}/sessions/{sessionId:[0-9]+}/attendance/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    MutableHttpResponse<?> importRegister(@PathVariable long id, @PathVariable long sessionId, @Nullable @Body String csv) {
        if (sessionOf(id, sessionId).isEmpty()) {
            return notFound("session", sessionId);
        }
        try {
            return HttpResponse.ok(attendance.importRegister(sessionId, csv).orElseThrow());
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_csv", e.getMessage()));
        }
    }

    @Get("/{id:[0-9]+}/sessions/{sessionId:[0-9]+}/qr.svg")
    @Produces("image/svg+xml")
    @Secured({"ADMIN", "ANALYST"})
    MutableHttpResponse<?> qr(@PathVariable long id, @PathVariable long sessionId) {
        return sessionOf(id, sessionId).<MutableHttpResponse<?>>map(s -> HttpResponse.ok(QrCode.svg(evaluationLink(s))))
                .orElseGet(() -> HttpResponse.notFound());
    }

    private Optional<TrainingSession> sessionOf(long courseId, long sessionId) {
        return courses.session(sessionId).filter(s -> s.courseId() == courseId);
    }

    private SessionView view(TrainingSession s) {
        Map<String, Long> byAgency = attendance.byAgency(s.id());
        return new SessionView(s, evaluationLink(s), "/api/v1/courses/" + s.courseId() + "/sessions/" + s.id() + "/qr.svg",
                byAgency, byAgency.values().stream().mapToLong(Long::longValue).sum());
    }

    String evaluationLink(TrainingSession s) {
        return config.link("/training/" + s.code());
    }

    private static MutableHttpResponse<?> invalid(Map<String, String> errors) {
        return HttpResponse.badRequest(new ApiError(400, "invalid", "Some fields need fixing: see errors for each field.",
                new LinkedHashMap<>(errors)));
    }

    private static MutableHttpResponse<?> notFound(String what, long id) {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(ApiError.of(404, "not_found", "There is no " + what + " " + id + "."));
    }
}
