package org.heard.bot;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The Telegram bot's settings ({@code TELEGRAM_BOT_TOKEN}, {@code TELEGRAM_API_URL},
 * {@code TELEGRAM_MODE}, {@code TELEGRAM_WEBHOOK_SECRET}).
 *
 * @param mode   {@code webhook}, {@code polling} or {@code off}; always off without a token
 * @param texts  the file with everything the bot says
 * @param expiry how long an abandoned conversation is kept
 * @param perChatInterval the least time between two messages to one chat (Telegram allows one a second)
 * @param perSecond       the most messages a second over all chats (Telegram allows about thirty)
 */
@ConfigurationProperties("telegram")
record BotConfiguration(
        @Nullable String botToken,
        @Bindable(defaultValue = "https://api.telegram.org") String apiUrl,
        @Bindable(defaultValue = "webhook") String mode,
        @Nullable String webhookSecret,
        @Bindable(defaultValue = "./bots/telegram.yaml") String texts,
        @Bindable(defaultValue = "24h") Duration expiry,
        @Bindable(defaultValue = "1s") Duration perChatInterval,
        @Bindable(defaultValue = "25") int perSecond) {

    boolean enabled() {
        return botToken != null && !botToken.isBlank() && !"off".equals(mode);
    }
}
