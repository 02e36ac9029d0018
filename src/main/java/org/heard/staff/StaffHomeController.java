package org.heard.staff;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.View;

import java.util.Map;

/** The staff area's front page: what this person's role lets them do. */
@Controller("/staff")
@Secured(SecurityRule.IS_AUTHENTICATED)
class StaffHomeController {

    private final org.heard.platform.AntiForgery antiForgery;

    StaffHomeController(org.heard.platform.AntiForgery antiForgery) {
        this.antiForgery = antiForgery;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    @View("staff/home")
    Map<String, Object> home(io.micronaut.http.HttpRequest<?> request, Authentication auth) {
        return Map.of("name", auth.getAttributes().getOrDefault(StaffAuthentication.NAME, auth.getName()),
                "roles", auth.getRoles(), "csrf", antiForgery.token(request));
    }

    @Get("/forbidden")
    @Produces(MediaType.TEXT_HTML)
    @View("message")
    Map<String, Object> forbidden() {
        return Map.of("heading", "You cannot see this page", "message", "Your role does not include this. Ask an administrator if you need it.");
    }
}
