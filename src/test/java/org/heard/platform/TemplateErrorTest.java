package org.heard.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page whose template fails answers at once with a plain error, never a hung or half-sent page. */
@MicronautTest
@io.micronaut.context.annotation.Property(name = "template-error-test", value = "true")
class TemplateErrorTest {
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void aTemplateThatFailsGivesA500PageNotATimeout() {
        var e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/template-error-test"), String.class));
        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertFalse(body.contains("Breaks"), "no part of the failed page is sent");
        assertTrue(body.contains("Something went wrong on our side"), body);
    }

    @Controller("/template-error-test")
    @Requires(property = "template-error-test")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class Broken {
        @Get
        ModelAndView<Map<String, Object>> page() {
            return new ModelAndView<>("broken", Map.of());
        }
    }
}
