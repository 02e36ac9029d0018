package org.heard.staff;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class SlidingSessionTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TokenGenerator tokens;

    private String token(long issuedSecondsAgo, long signedInSecondsAgo) {
        long now = Instant.now().getEpochSecond();
        return tokens.generateToken(Map.of("sub", "someone", "roles", List.of("ANALYST"), "name", "Someone",
                "iat", now - issuedSecondsAgo, "exp", now - issuedSecondsAgo + 1800,
                SlidingSession.SIGNED_IN_AT, now - signedInSecondsAgo)).orElseThrow();
    }

    private HttpResponse<String> visit(String jwt) {
        return http.toBlocking().exchange(HttpRequest.GET("/staff").cookie(Cookie.of("JWT", jwt)).accept(MediaType.TEXT_HTML_TYPE), String.class);
    }

    @Test
    void activityKeepsASessionGoingWithAFreshThirtyMinuteToken() {
        HttpResponse<String> r = visit(token(10 * 60, 10 * 60));
        assertEquals(200, r.code());
        String setCookie = r.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("Max-Age=1800"), setCookie);
    }

    @Test
    void aFreshTokenIsNotReissuedOnEveryRequest() {
        HttpResponse<String> r = visit(token(30, 30));
        assertTrue(r.getCookie("JWT").isEmpty());
    }

    @Test
    void noSessionLastsBeyondTwelveHoursAfterSigningIn() {
        HttpResponse<String> r = visit(token(10 * 60, 12 * 3600 + 60));
        assertTrue(r.getCookie("JWT").isEmpty());
    }
}
