package org.heard.consultation;

import org.heard.platform.IdList;

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
import org.heard.platform.AntiForgery;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Staff pages for "You said, we did": record actions and choose which are published. */
@Controller("/staff/you-said-we-did")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"ADMIN", "ANALYST"})
class ActionPages {
    private final YouSaidWeDid actions;
    private final AntiForgery antiForgery;

    ActionPages(YouSaidWeDid actions, AntiForgery antiForgery) {
        this.actions = actions;
        this.antiForgery = antiForgery;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        return page(request, Map.of(), Map.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> add(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!antiForgery.verify(request, form.get(AntiForgery.FIELD))) {
            return HttpResponse.badRequest(page(request, form, Map.of("said", "The form expired. Please send it again.")));
        }
        YouSaidWeDid.Saved saved = actions.create(new FollowUpAction.Draft(form.get("said"), form.get("did"), form.get("owner"),
                form.get("status"), form.get("dueOn"), form.get("doneOn"), form.get("evidence"), IdList.parse(form.get("measures")),
                IdList.parse(form.get("activities")), IdList.parse(form.get("surveys")), IdList.parse(form.get("themes"))));
        if (saved.action() == null) {
            return HttpResponse.badRequest(page(request, form, saved.errors()));
        }
        return HttpResponse.seeOther(URI.create("/staff/you-said-we-did"));
    }

    @Post("/{id:[0-9]+}/{what:publish|unpublish}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<?> request, @PathVariable long id, @PathVariable String what, @Body Map<String, String> form) {
        if (!antiForgery.verify(request, form.get(AntiForgery.FIELD))) {
            return HttpResponse.badRequest(page(request, Map.of(),
                    Map.of("main-content", "The page had expired, so nothing was changed. Press the button again.")));
        }
        actions.setPublished(id, what.equals("publish"));
        return HttpResponse.seeOther(URI.create("/staff/you-said-we-did"));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Map<String, String> values, Map<String, String> errors) {
        var model = new HashMap<String, Object>();
        model.put("actions", actions.all());
        model.put("values", values);
        model.put("errors", errors);
        model.put("statuses", FollowUpAction.STATUSES);
        model.put("csrf", antiForgery.token(request));
        return new ModelAndView<>("consultation/actions", model);
    }
}
