package org.heard.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Anti-forgery tokens for every HTML form (double submit): a random nonce lives in an HttpOnly,
 * SameSite=Strict cookie; the form carries a keyed hash of it. A forged cross-site POST can
 * neither read the cookie nor compute the hash. Controllers call {@link #verify} before acting.
 */
@Singleton
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AntiForgery {
    public static final String FIELD = "csrf";
    static final String COOKIE = "heard_csrf";
    private static final String ATTRIBUTE = "heard.csrf.nonce";
    private static final String NEW_ATTRIBUTE = "heard.csrf.new";

    private final SecretKey secret;
    private final SecureRandom random = new SecureRandom();
    private final boolean secureCookies;

    AntiForgery(SecretKey secret, @io.micronaut.context.annotation.Value("${heard.secure-cookies:false}") boolean secureCookies) {
        this.secret = secret;
        this.secureCookies = secureCookies;
    }

    @RequestFilter
    void remember(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            // The JSON API takes no forms and signs in on every request: no cookie to read or set.
            return;
        }
        String nonce = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        if (nonce == null || !nonce.matches("[0-9a-f]{32}")) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            nonce = HexFormat.of().formatHex(b);
            request.setAttribute(NEW_ATTRIBUTE, true);
        }
        request.setAttribute(ATTRIBUTE, nonce);
    }

    @ResponseFilter
    void setCookie(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(NEW_ATTRIBUTE).isPresent()) {
            response.cookie(Cookie.of(COOKIE, request.getAttribute(ATTRIBUTE, String.class).orElseThrow())
                    .httpOnly(true).sameSite(SameSite.Strict).secure(secureCookies).path("/"));
        }
    }

    /** The token to put in the hidden {@value #FIELD} field of a form rendered for this request. */
    public String token(HttpRequest<?> request) {
        return secret.hmacHex("csrf", request.getAttribute(ATTRIBUTE, String.class).orElse(""));
    }

    /** Whether a submitted token matches this browser's cookie (compared in constant time). */
    public boolean verify(HttpRequest<?> request, @Nullable String submitted) {
        String nonce = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        if (nonce == null || submitted == null) {
            return false;
        }
        byte[] expected = secret.hmacHex("csrf", nonce).getBytes();
        return MessageDigest.isEqual(expected, submitted.getBytes());
    }
}
