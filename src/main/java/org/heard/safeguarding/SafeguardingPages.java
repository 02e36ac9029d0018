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

    SafeguardingPages(Alerts alerts, AntiForgery antiForgery) {
        this.alerts = alerts;
        this.antiForgery = antiForgery;
    }

    @Get
    ModelAndView<Map<String, Object>> queue() {
        return new ModelAndView<>("safeguarding/queue", Map.of("open", alerts.list("open"), "acknowledged", alerts.list("acknowledged")));
    }

    @Get("/{id}")
    MutableHttpResponse<?> alert(HttpRequest<?> request, @PathVariable long id, Authentication auth) {
        return alerts.open(id, auth.getName()).<MutableHttpResponse<?>>map(a -> {
            var model = new LinkedHashMap<String, Object>();
            model.put("alert", a);
            model.put("outcomes", Outcome.values());
            model.put("csrf", antiForgery.token(request));
            return HttpResponse.ok(new ModelAndView<>("safeguarding/alert", model));
        }).orElseGet(() -> HttpResponse.notFound(new ModelAndView<>("message", Map.of("heading", "There is no such alert",
                "message", "Check the alert number."))));
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> act(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form, Authentication auth) {
        if (!antiForgery.verify(request, form.get(AntiForgery.FIELD))) {
            return HttpResponse.seeOther(URI.create("/staff/safeguarding/" + id));
        }
        @Nullable String action = form.get("action");
        if ("acknowledge".equals(action)) {
            alerts.acknowledge(id, auth.getName());
        } else if ("close".equals(action)) {
            Outcome.fromId(form.getOrDefault("outcome", "")).ifPresent(o -> alerts.close(id, auth.getName(), o, form.get("note")));
        }
        return HttpResponse.seeOther(URI.create("/staff/safeguarding/" + id));
    }
}
