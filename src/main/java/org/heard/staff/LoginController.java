package org.heard.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import org.heard.platform.AntiForgery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The staff sign-in form. A JWT in an HttpOnly, SameSite=Strict cookie carries the session. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {
    private final StaffAccounts accounts;
    private final LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;
    private final AntiForgery antiForgery;

    LoginController(StaffAccounts accounts, LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler,
                    AntiForgery antiForgery) {
        this.accounts = accounts;
        this.loginHandler = loginHandler;
        this.antiForgery = antiForgery;
    }

    @Serdeable
    record LoginForm(@Nullable String username, @Nullable String password, @Nullable String csrf) {
    }

    @Get("/login")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(HttpRequest<?> request, @Nullable @QueryValue Boolean error) {
        return new ModelAndView<>("staff/login", Map.of("csrf", antiForgery.token(request), "failed", Boolean.TRUE.equals(error)));
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body LoginForm form) {
        if (!antiForgery.verify(request, form.csrf())) {
            return HttpResponse.seeOther(java.net.URI.create("/login?error=true"));
        }
        return accounts.check(form.username(), form.password())
                .<MutableHttpResponse<?>>map(s -> {
                    Map<String, Object> attributes = new HashMap<>();
                    attributes.put(StaffAuthentication.NAME, s.displayName());
                    attributes.put(SlidingSession.SIGNED_IN_AT, java.time.Instant.now().getEpochSecond());
                    if (s.agency() != null) {
                        attributes.put(StaffAuthentication.AGENCY, s.agency());
                    }
                    return loginHandler.loginSuccess(Authentication.build(s.username(), List.of(s.role().name()), attributes), request);
                })
                .orElseGet(() -> HttpResponse.seeOther(java.net.URI.create("/login?error=true")));
    }

    /** Signing out clears the token cookie. Open to anyone: signing out twice is harmless. */
    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!antiForgery.verify(request, form.get(AntiForgery.FIELD))) {
            return HttpResponse.seeOther(java.net.URI.create("/staff"));
        }
        return HttpResponse.seeOther(java.net.URI.create("/"))
                .cookie(io.micronaut.http.cookie.Cookie.of("JWT", "").path("/").maxAge(0).httpOnly(true));
    }
}
