package org.heard.bot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Telegram posts updates here in webhook mode. The secret header is checked in constant time; a
 * valid update is stored, answered 200 at once and handled in the background, so Telegram never
 * waits, nothing is lost if the service stops, and a failure never makes it resend the update forever.
 */
@Controller("/telegram/webhook")
@Secured(SecurityRule.IS_ANONYMOUS)
class WebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BotConfiguration config;
    private final Inbox inbox;

    WebhookController(BotConfiguration config, Inbox inbox) {
        this.config = config;
        this.inbox = inbox;
    }

    static Update parse(String body) throws java.io.IOException {
        return JSON.readValue(body, Update.class);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header("X-Telegram-Bot-Api-Secret-Token") String token, @Nullable @Body String body) {
        if (!config.enabled() || !"webhook".equals(config.mode()) || !secretMatches(token)) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }
        Update update;
        try {
            update = parse(body == null ? "{}" : body);
        } catch (Exception e) {
            // Not an update we can read: say so once; resending it would not help.
            LOG.warn("Ignored an unreadable Telegram update: {}", e.getClass().getSimpleName() + " " + e.getMessage().lines().findFirst().orElse(""));
            return HttpResponse.ok();
        }
        if (update.getUpdateId() != null) {
            inbox.accept(update, body);
        }
        return HttpResponse.ok();
    }

    private boolean secretMatches(@Nullable String token) {
        String expected = config.webhookSecret();
        if (expected == null || expected.isBlank() || token == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
