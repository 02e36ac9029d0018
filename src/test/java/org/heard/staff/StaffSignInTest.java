package org.heard.staff;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class StaffSignInTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;

    private record Form(String csrf, Cookie csrfCookie) {
    }

    private Form loginForm() {
        HttpResponse<String> page = http.toBlocking().exchange(HttpRequest.GET("/login").accept(MediaType.TEXT_HTML_TYPE), String.class);
        var m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(m.find());
        return new Form(m.group(1), page.getCookie("heard_csrf").orElseThrow());
    }

    private HttpResponse<String> signIn(Form form, String username, String password) {
        var request = HttpRequest.POST("/login", Map.of("username", username, "password", password, "csrf", form.csrf()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(form.csrfCookie());
        return http.toBlocking().exchange(request, String.class);
    }

    @Test
    void signsInWithTheFormAndGetsAnHttpOnlyStrictCookie() {
        var login = StaffTestData.create(accounts, "ANALYST");
        HttpResponse<String> response = signIn(loginForm(), login.username(), login.password());
        assertEquals(HttpStatus.SEE_OTHER, response.getStatus());
        assertEquals("/staff", response.header("Location"));
        String setCookie = response.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("Max-Age=1800"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        Cookie jwt = response.getCookie("JWT").orElseThrow();
        String home = http.toBlocking().retrieve(HttpRequest.GET("/staff").cookie(jwt).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(home.contains("Hello, <span>Test ANALYST</span>"), home);
    }

    @Test
    void wrongPasswordOrMissingTokenDoesNotSignIn() {
        var login = StaffTestData.create(accounts, "VIEWER");
        var wrong = signIn(loginForm(), login.username(), "not the password");
        assertEquals("/login?error=true", wrong.header("Location"));
        assertTrue(wrong.getCookie("JWT").isEmpty());
        var forged = signIn(new Form("0".repeat(64), loginForm().csrfCookie()), login.username(), login.password());
        assertEquals("/login?error=true", forged.header("Location"));
        assertTrue(forged.getCookie("JWT").isEmpty());
    }

    @Test
    void passwordsAreStoredAsSlowSaltedHashes() {
        var login = StaffTestData.create(accounts, "ADMIN");
        assertTrue(accounts.check(login.username(), login.password()).isPresent());
        assertFalse(accounts.check(login.username(), login.password() + "x").isPresent());
    }

    @Test
    void deactivatedAccountsCannotUseTheApi() {
        var login = StaffTestData.create(accounts, "ANALYST");
        long id = accounts.all().stream().filter(s -> s.username().equals(login.username())).findFirst().orElseThrow().id();
        // Signed in a moment ago, so the password is remembered: deactivating must still shut the door at once.
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(login.sign(HttpRequest.GET("/api/v1/surveys")).accept(MediaType.APPLICATION_JSON_TYPE),
                String.class).getStatus());
        accounts.setActive(id, false);
        var e = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                login.sign(HttpRequest.GET("/api/v1/surveys")).accept(MediaType.APPLICATION_JSON_TYPE), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
    }

    @Test
    void anAdminDeactivatesAnAccountFromThePageAndAnExpiredPageSaysNothingChanged() {
        var admin = StaffTestData.create(accounts, "ADMIN");
        var login = StaffTestData.create(accounts, "ANALYST");
        long id = accounts.all().stream().filter(s -> s.username().equals(login.username())).findFirst().orElseThrow().id();
        HttpResponse<String> page = http.toBlocking().exchange(admin.sign(HttpRequest.GET("/staff/accounts")).accept(MediaType.TEXT_HTML_TYPE), String.class);
        var csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(csrf.find());
        Cookie cookie = page.getCookie("heard_csrf").orElseThrow();

        var expired = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(admin.sign(
                HttpRequest.POST("/staff/accounts/" + id + "/deactivate", "csrf=expired")).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class));
        assertEquals(HttpStatus.FORBIDDEN, expired.getStatus());
        assertTrue(expired.getResponse().getBody(String.class).orElseThrow().contains("the account was not deactivated. Press the button again."));
        assertTrue(accounts.check(login.username(), login.password()).isPresent(), "still active");

        var done = http.toBlocking().exchange(admin.sign(HttpRequest.POST("/staff/accounts/" + id + "/deactivate", "csrf=" + csrf.group(1)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(HttpStatus.SEE_OTHER, done.getStatus());
        assertFalse(accounts.check(login.username(), login.password()).isPresent(), "deactivated");
    }

    @Test
    void firstAdminIsCreatedOnlyWhenNoAccountExists() {
        // Accounts already exist in this database, so a configured admin must not be added.
        String name = Surveys.unique("boot");
        try (var ctx = ApplicationContext.run(Map.of("heard.admin-username", name, "heard.admin-password", "a very long password"), "test")) {
            ctx.getBean(StaffAccounts.class);
            ctx.getBean(FirstAdmin.class).onStartup(null);
            assertTrue(ctx.getBean(StaffAccounts.class).all().stream().noneMatch(s -> s.username().equals(name)));
        }
        assertNotNull(name);
    }

    @Test
    void firstAdminIsCreatedOnAnEmptyDatabase() {
        String url = "jdbc:h2:mem:" + Surveys.unique("empty") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH;DB_CLOSE_DELAY=-1";
        try (var ctx = ApplicationContext.run(Map.of("datasources.default.url", url, "datasources.default.username", "sa",
                "datasources.default.password", "", "heard.admin-username", "Chief", "heard.admin-password", "a very long password"), "test")) {
            var staff = ctx.getBean(StaffAccounts.class);
            assertEquals(Role.ADMIN, staff.check("chief", "a very long password").orElseThrow().role());
        }
    }
}
