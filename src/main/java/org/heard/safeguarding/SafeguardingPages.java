package org.heard.safeguarding;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import org.heard.platform.AntiForgery;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The safeguarding queue in the staff area: the list of alerts, and one alert with its actions. */
@Controller("/staff/safeguarding")
@Secured("SAFEGUARDING_LEAD")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SafeguardingPages {
    private final Alerts alerts;
    private final AntiForgery antiForgery;
    private final AlertLabels labels;

    SafeguardingPages(Alerts alerts, AntiForgery antiForgery, AlertLabels labels) {
        this.alerts = alerts;
        this.antiForgery = antiForgery;
        this.labels = labels;
    }

    @Get
    ModelAndView<Map<String, Object>> queue() {
        return new ModelAndView<>("safeguarding/queue", Map.of("open", alerts.list("open"), "acknowledged", alerts.list("acknowledged"),
                "labels", labels));
    }

    @Get("/{id}")
    MutableHttpResponse<?> alert(HttpRequest<?> request, @PathVariable long id, Authentication auth) {
        return page(request, id, auth, null, "");
    }

    /** What went wrong with a form, and where on the page it can be put right. */
    record Problem(String message, String at) {
    }

    /** The alert's page; with a problem, the close form comes back with it, the note as it was typed. */
    private MutableHttpResponse<?> page(HttpRequest<?> request, long id, Authentication auth, @Nullable Problem error, String note) {
        return alerts.open(id, auth.getName()).<MutableHttpResponse<?>>map(a -> {
            var model = new LinkedHashMap<String, Object>();
            model.put("alert", a);
            model.put("outcomes", Outcome.values());
            model.put("csrf", antiForgery.token(request));
            model.put("note", note);
            model.put("labels", labels);
            if (error != null) {
                model.put("error", error);
                return HttpResponse.badRequest(new ModelAndView<>("safeguarding/alert", model));
            }
            return HttpResponse.ok(new ModelAndView<>("safeguarding/alert", model));
        }).orElseGet(() -> HttpResponse.notFound(new ModelAndView<>("message", Map.of("heading", "There is no such alert",
                "message", "Check the alert number."))));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> act(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form, Authentication auth) {
        if (!antiForgery.verify(request, form.get(AntiForgery.FIELD))) {
            // Said, not swallowed: a lead who pressed Acknowledge must not believe it was recorded.
            return page(request, id, auth, new Problem("The page had expired, so nothing was saved. Press the button again.", "#main-content"),
                    form.getOrDefault("note", ""));
        }
        @Nullable String action = form.get("action");
        if ("acknowledge".equals(action)) {
            alerts.acknowledge(id, auth.getName());
        } else if ("close".equals(action)) {
            var outcome = Outcome.fromId(form.getOrDefault("outcome", ""));
            if (outcome.isEmpty()) {
                // Closing is the record of what was done: without an outcome nothing is closed, and the lead is told why.
                return page(request, id, auth, new Problem("Choose what was done before you close the alert", "#outcome-1"),
                        form.getOrDefault("note", ""));
            }
            alerts.close(id, auth.getName(), outcome.get(), form.get("note"));
        }
        return HttpResponse.seeOther(URI.create("/staff/safeguarding/" + id));
    }
}
