package org.heard.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.heard.platform.ApiError;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The safeguarding leads' API: try the indicators, and work the alert queue. */
@Controller("/api/v1/safeguarding")
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
class SafeguardingApiController {
    private static final Set<String> STATUSES = Set.of("open", "acknowledged", "closed");

    private final Screener screener;
    private final Alerts alerts;

    SafeguardingApiController(Screener screener, Alerts alerts) {
        this.screener = screener;
        this.alerts = alerts;
    }

    @Serdeable
    record ScreenRequest(@Nullable String text) {
    }

    @Serdeable
    record CloseRequest(@Nullable String outcome, @Nullable String note) {
    }

    @Post("/screen")
    @Secured({"ADMIN", "SAFEGUARDING_LEAD"})
    MutableHttpResponse<?> screen(@Nullable @Body ScreenRequest body) {
        if (body == null || body.text() == null) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_request", "Send {\"text\": \"...\"} to screen."));
        }
        return HttpResponse.ok(screener.screen(body.text()));
    }

    @Get("/alerts")
    @Secured("SAFEGUARDING_LEAD")
    MutableHttpResponse<?> list(@Nullable @QueryValue String status) {
        if (status != null && !STATUSES.contains(status)) {
            return HttpResponse.badRequest(ApiError.of(400, "bad_status", "status must be open, acknowledged or closed."));
        }
        return HttpResponse.ok(alerts.list(status));
    }

    @Get("/alerts/{id}")
    @Secured("SAFEGUARDING_LEAD")
    MutableHttpResponse<?> read(@PathVariable long id, Authentication auth) {
        return alerts.open(id, auth.getName()).<MutableHttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(ApiError.of(404, "not_found", "There is no alert " + id + ".")));
    }

    @Post("/alerts/{id}/acknowledge")
    @Secured("SAFEGUARDING_LEAD")
    MutableHttpResponse<?> acknowledge(@PathVariable long id, Authentication auth) {
        if (alerts.acknowledge(id, auth.getName())) {
            return HttpResponse.ok(Map.of("id", id, "status", "acknowledged"));
        }
        return conflictOrMissing(id, auth, "Only an open alert can be acknowledged.");
    }

    @Post("/alerts/{id}/close")
    @Secured("SAFEGUARDING_LEAD")
    MutableHttpResponse<?> close(@PathVariable long id, @Nullable @Body CloseRequest body, Authentication auth) {
        var outcome = body == null || body.outcome() == null ? java.util.Optional.<Outcome>empty() : Outcome.fromId(body.outcome());
        if (outcome.isEmpty()) {
            return HttpResponse.badRequest(new ApiError(400, "invalid_close", "Say what was done.",
                    Map.of("outcome", "Choose one of " + String.join(", ", List.of(Outcome.values()).stream().map(Outcome::id).toList()))));
        }
        if (body.note() != null && body.note().length() > 5000) {
            return HttpResponse.badRequest(new ApiError(400, "invalid_close", "The note is too long.", Map.of("note", "Keep the note to 5000 characters or fewer")));
        }
        if (alerts.close(id, auth.getName(), outcome.get(), body.note())) {
            return HttpResponse.ok(Map.of("id", id, "status", "closed"));
        }
        return conflictOrMissing(id, auth, "This alert is already closed.");
    }

    private MutableHttpResponse<?> conflictOrMissing(long id, Authentication auth, String message) {
        if (alerts.list(null).stream().noneMatch(a -> a.id() == id)) {
            return HttpResponse.notFound(ApiError.of(404, "not_found", "There is no alert " + id + "."));
        }
        return HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT).body(ApiError.of(409, "conflict", message));
    }
}
