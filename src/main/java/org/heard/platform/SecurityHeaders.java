package org.heard.platform;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every page and API answer carries: a content security policy with no inline script,
 * no framing, no sniffing, and no referrer sent to other sites.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders {
    static final String CSP = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'; img-src 'self' data:";

    @ResponseFilter
    void addHeaders(MutableHttpResponse<?> response) {
        response.getHeaders().set("Content-Security-Policy", CSP);
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        // "no-referrer" would make browsers send "Origin: null" on form posts, which the CORS filter refuses.
        response.getHeaders().set("Referrer-Policy", "same-origin");
        response.getHeaders().set("Cache-Control", response.getHeaders().get("Cache-Control") == null
                ? "no-store" : response.getHeaders().get("Cache-Control"));
    }
}
