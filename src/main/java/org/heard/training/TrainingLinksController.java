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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.heard.platform.AntiForgery;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The public training links: a session's evaluation link (printed as a QR code in the room), a
 * person's follow-up link, and unsubscribing. The first two lead to the survey form through their
 * {@code ResponseLink}, which decides whether the link can still be used.
 */
@Controller("/training")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class TrainingLinksController {
    private final TrainingConfiguration config;
    private final Invitations invitations;
    private final AntiForgery antiForgery;
    private final Clock clock;

    TrainingLinksController(TrainingConfiguration config, Invitations invitations, AntiForgery antiForgery, Clock clock) {
        this.config = config;
        this.invitations = invitations;
        this.antiForgery = antiForgery;
        this.clock = clock;
    }

    @Get("/{code:[A-Za-z0-9]+}")
    MutableHttpResponse<?> evaluate(@PathVariable String code) {
        return toForm(config.daySurvey(), SessionLink.KIND + ":" + code.toUpperCase(java.util.Locale.ROOT));
    }

    @Get("/follow-up/{code:[A-Za-z0-9_-]+}")
    MutableHttpResponse<?> followUp(@PathVariable String code) {
        return toForm(config.followUpSurvey(), FollowUpLink.KIND + ":" + code);
    }

    private static MutableHttpResponse<?> toForm(String survey, String via) {
        return HttpResponse.seeOther(URI.create("/s/" + survey + "?via=" + URLEncoder.encode(via, StandardCharsets.UTF_8)));
    }

    /** Asks before unsubscribing: mail scanners open links, and must not unsubscribe anyone. */
    @Get("/unsubscribe/{code:[A-Za-z0-9_-]+}")
    MutableHttpResponse<?> confirm(HttpRequest<?> request, @PathVariable String code) {
        if (invitations.byCode(code).isEmpty()) {
            return HttpResponse.notFound(notFound());
        }
        return HttpResponse.ok(new ModelAndView<>("training/unsubscribe", Map.of("code", code, "csrf", antiForgery.token(request))));
    }

    @Post("/unsubscribe/{code:[A-Za-z0-9_-]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> unsubscribe(HttpRequest<?> request, @PathVariable String code, @Nullable @Body String body) {
        List<String> token = new QueryStringDecoder(body == null ? "" : body, false).parameters().get(AntiForgery.FIELD);
        if (!antiForgery.verify(request, token == null || token.isEmpty() ? null : token.getFirst())) {
            return HttpResponse.badRequest(new ModelAndView<>("training/unsubscribe", Map.of("code", code,
                    "csrf", antiForgery.token(request), "notice", "This page was open for too long. Please press the button again.")));
        }
        if (!invitations.unsubscribe(code, clock.instant())) {
            return HttpResponse.notFound(notFound());
        }
        return HttpResponse.ok(new ModelAndView<>("message", Map.of("heading", "You will not get any more emails about this training",
                "message", "We have deleted your email address. Thank you for coming to the training.")));
    }

    private static ModelAndView<Map<String, Object>> notFound() {
        return new ModelAndView<>("message", Map.of("heading", "We cannot find that link",
                "message", "Check it was copied in full from the email."));
    }
}
