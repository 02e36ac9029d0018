package org.heard.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import org.heard.platform.ApiError;
import org.heard.platform.AntiForgery;
import org.heard.survey.SurveyCatalog;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Admins manage staff accounts, in pages and through the API. */
@Controller
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class StaffAdminController {
    private final StaffAccounts accounts;
    private final AntiForgery antiForgery;
    private final SurveyCatalog catalog;

    StaffAdminController(StaffAccounts accounts, AntiForgery antiForgery, SurveyCatalog catalog) {
        this.accounts = accounts;
        this.antiForgery = antiForgery;
        this.catalog = catalog;
    }

    @Serdeable
    record AccountForm(@Nullable String username, @Nullable String displayName, @Nullable String password,
                       @Nullable String role, @Nullable String agency, @Nullable String csrf) {
        StaffAccounts.NewAccount toNew() {
            return new StaffAccounts.NewAccount(username, displayName, password, role, agency);
        }
    }

    @Get("/staff/accounts")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request) {
        return page(request, Map.of(), new AccountForm(null, null, null, null, null, null));
    }

    @Post("/staff/accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> create(HttpRequest<?> request, @Body AccountForm form) {
        if (!antiForgery.verify(request, form.csrf())) {
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(page(request, Map.of("csrf", "The form expired. Please try again."), form));
        }
        Map<String, String> errors = accounts.create(form.toNew());
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(page(request, errors, form));
        }
        return HttpResponse.seeOther(URI.create("/staff/accounts"));
    }

    @Post("/staff/accounts/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> deactivate(HttpRequest<?> request, @PathVariable long id, @Body Map<String, String> form) {
        if (!antiForgery.verify(request, form.get(AntiForgery.FIELD))) {
            // The page, saying so: a bare refusal would leave an admin unsure whether the account can still sign in.
            return HttpResponse.status(HttpStatus.FORBIDDEN).body(page(request,
                    Map.of("main-content", "The page had expired, so the account was not deactivated. Press the button again."),
                    new AccountForm(null, null, null, null, null, null)));
        }
        accounts.setActive(id, false);
        return HttpResponse.seeOther(URI.create("/staff/accounts"));
    }

    @Get("/api/v1/staff")
    @Produces(MediaType.APPLICATION_JSON)
    List<StaffAccounts.Staff> apiList() {
        return accounts.all();
    }

    @Serdeable
    record NewAccountJson(@Nullable String username, @Nullable String displayName, @Nullable String password,
                          @Nullable String role, @Nullable String agency) {
    }

    @Post("/api/v1/staff")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<?> apiCreate(@Body NewAccountJson body) {
        Map<String, String> errors = accounts.create(new StaffAccounts.NewAccount(body.username(), body.displayName(),
                body.password(), body.role(), body.agency()));
        if (!errors.isEmpty()) {
            return HttpResponse.badRequest(new ApiError(400, "invalid_account", "Some details need fixing.", errors));
        }
        return HttpResponse.created(Map.of("username", body.username().strip().toLowerCase()));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Map<String, String> errors, AccountForm form) {
        var model = new HashMap<String, Object>();
        model.put("accounts", accounts.all());
        model.put("errors", errors);
        model.put("form", form);
        model.put("roles", Role.values());
        model.put("agencies", catalog.agencies().all());
        model.put("csrf", antiForgery.token(request));
        return new ModelAndView<>("staff/accounts", model);
    }
}
