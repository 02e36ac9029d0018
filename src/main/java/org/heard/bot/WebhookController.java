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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;

/**
 * Telegram posts updates here in webhook mode. The secret header is checked in constant time; a
 * valid update is answered 200 at once and handled in the background, so Telegram never waits and a
 * failure never makes it resend the same update forever.
 */
@Controller("/telegram/webhook")
@Secured(SecurityRule.IS_ANONYMOUS)
class WebhookController {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookController.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final BotConfiguration config;
    private final BotConversation conversation;
    private final ExecutorService executor;

    WebhookController(BotConfiguration config, BotConversation conversation, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.config = config;
        this.conversation = conversation;
        this.executor = executor;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    HttpResponse<?> receive(@Nullable @Header("X-Telegram-Bot-Api-Secret-Token") String token, @Nullable @Body String body) {
        if (!config.enabled() || !"webhook".equals(config.mode()) || !secretMatches(token)) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN);
        }
        Update update;
        try {
            update = JSON.readValue(body == null ? "{}" : body, Update.class);
        } catch (Exception e) {
            // Not an update we can read: say so once; resending it would not help.
            LOG.warn("Ignored an unreadable Telegram update: {}", e.getClass().getSimpleName() + " " + e.getMessage().lines().findFirst().orElse(""));
            return HttpResponse.ok();
        }
        executor.submit(() -> {
            try {
                conversation.handle(update);
            } catch (RuntimeException e) {
                LOG.error("Could not handle Telegram update {}", update.getUpdateId(), e);
            }
        });
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
