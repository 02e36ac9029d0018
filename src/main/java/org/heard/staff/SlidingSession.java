package org.heard.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Staff sessions end after 30 minutes without activity and 12 hours after signing in, whichever
 * comes first. A signed-in request whose token is more than a few minutes old gets a fresh
 * 30-minute token, unless the sign-in itself is older than 12 hours.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SlidingSession {
    static final String SIGNED_IN_AT = "signed_in_at";
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration MAXIMUM = Duration.ofHours(12);
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(5);
    private static final Set<String> CLAIMS_NOT_COPIED = Set.of("iat", "exp", "nbf", "iss", "sub", "jti", "roles", "aud");

    private final TokenGenerator tokens;
    private final Clock clock;
    private final boolean secureCookies;

    SlidingSession(TokenGenerator tokens, Clock clock, @Value("${heard.secure-cookies:false}") boolean secureCookies) {
        this.tokens = tokens;
        this.clock = clock;
        this.secureCookies = secureCookies;
    }

    @ResponseFilter
    void refresh(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getCookies().findCookie("JWT").isEmpty() || response.getCookie("JWT").isPresent()) {
            return;
        }
        Authentication auth = request.getUserPrincipal(Authentication.class).orElse(null);
        if (auth == null) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        long issued = seconds(auth.getAttributes().get("iat"), now);
        long signedIn = seconds(auth.getAttributes().get(SIGNED_IN_AT), issued);
        if (now - issued < REFRESH_AFTER.toSeconds() || now - signedIn >= MAXIMUM.toSeconds()) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>();
        auth.getAttributes().forEach((k, v) -> {
            if (!CLAIMS_NOT_COPIED.contains(k)) {
                attributes.put(k, v);
            }
        });
        attributes.put(SIGNED_IN_AT, signedIn);
        long lifetime = Math.min(IDLE.toSeconds(), MAXIMUM.toSeconds() - (now - signedIn));
        tokens.generateToken(Authentication.build(auth.getName(), auth.getRoles(), attributes), (int) lifetime)
                .ifPresent(token -> response.cookie(Cookie.of("JWT", token).path("/").httpOnly(true)
                        .sameSite(SameSite.Strict).secure(secureCookies).maxAge(Duration.ofSeconds(lifetime))));
    }

    private static long seconds(Object claim, long fallback) {
        if (claim instanceof Number n) {
            return n.longValue();
        }
        if (claim instanceof java.util.Date d) {
            return d.toInstant().getEpochSecond();
        }
        return fallback;
    }
}
