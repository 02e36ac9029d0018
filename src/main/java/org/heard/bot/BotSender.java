package org.heard.bot;

import jakarta.inject.Singleton;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * Sends through the Telegram client library to the configured Bot API server. Waits
 * {@code retry_after} on a 429, splits text over Telegram's 4096-character limit, and reports a chat
 * that blocked the bot (403) so nothing more is sent to it.
 */
@Singleton
class BotSender {
    private static final Logger LOG = LoggerFactory.getLogger(BotSender.class);
    static final int LIMIT = 4096;

    /** The chat has blocked the bot. */
    static class Blocked extends RuntimeException {
        Blocked() {
            super("The chat has blocked the bot");
        }
    }

    private final OkHttpTelegramClient client;
    private final BotConfiguration config;
    private final java.util.Map<Long, Long> nextSlotByChat = new java.util.concurrent.ConcurrentHashMap<>();
    private long nextGlobalSlot;

    BotSender(BotConfiguration config) {
        this.config = config;
        URI api = URI.create(config.apiUrl());
        int port = api.getPort() > 0 ? api.getPort() : ("https".equals(api.getScheme()) ? 443 : 80);
        var url = TelegramUrl.builder().schema(api.getScheme()).host(api.getHost()).port(port).testServer(false).build();
        var http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30)).build();
        this.client = new OkHttpTelegramClient(http, config.botToken() == null ? "none" : config.botToken(), url);
    }

    /** Sends text (in parts when long); the keyboard goes with the last part. Returns the last message id. */
    Integer send(long chatId, String text, InlineKeyboardMarkup keyboard) {
        Integer last = null;
        for (int start = 0; start < text.length(); start += LIMIT) {
            String part = text.substring(start, Math.min(text.length(), start + LIMIT));
            boolean lastPart = start + LIMIT >= text.length();
            var message = SendMessage.builder().chatId(chatId).text(part);
            if (lastPart && keyboard != null) {
                message.replyMarkup(keyboard);
            }
            pace(chatId);
            Message sent = execute(message.build());
            last = sent == null ? null : sent.getMessageId();
        }
        return last;
    }

    /**
     * Waits for this chat's next slot (one message a second to a chat) and the service's next slot
     * (about 25 a second in all), so Telegram never has to slow us down.
     */
    private void pace(long chatId) {
        long perChat = config.perChatInterval().toNanos();
        long global = 1_000_000_000L / Math.max(1, config.perSecond());
        long now = System.nanoTime();
        long chatSlot = nextSlotByChat.merge(chatId, now, (previous, ignored) -> Math.max(previous, now));
        nextSlotByChat.put(chatId, chatSlot + perChat);
        long globalSlot;
        synchronized (this) {
            globalSlot = Math.max(nextGlobalSlot, now);
            nextGlobalSlot = globalSlot + global;
        }
        long wait = Math.max(chatSlot, globalSlot) - now;
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sets the command menu young people see in the chat. */
    void setCommands(java.util.Map<String, String> commands) {
        execute(org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands.builder()
                .commands(commands.entrySet().stream().map(e -> new org.telegram.telegrambots.meta.api.objects.commands.BotCommand(e.getKey(), e.getValue())).toList())
                .build());
    }

    void answerCallback(String callbackId, String text) {
        execute(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).build());
    }

    /** Shows a question's buttons again, changed (what is ticked so far). */
    void replaceKeyboard(long chatId, Integer messageId, InlineKeyboardMarkup keyboard) {
        if (messageId != null) {
            execute(EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId).replyMarkup(keyboard).build());
        }
    }

    /** Takes the buttons off an answered question, so old buttons cannot answer twice. */
    void clearKeyboard(long chatId, Integer messageId) {
        if (messageId != null) {
            execute(EditMessageReplyMarkup.builder().chatId(chatId).messageId(messageId).replyMarkup(null).build());
        }
    }

    private <T extends Serializable> T execute(BotApiMethod<T> method) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return client.execute(method);
            } catch (TelegramApiRequestException e) {
                Integer code = e.getErrorCode();
                if (code != null && code == 403) {
                    throw new Blocked();
                }
                if (code != null && code == 429 && e.getParameters() != null && e.getParameters().getRetryAfter() != null) {
                    sleep(e.getParameters().getRetryAfter());
                    continue;
                }
                LOG.warn("Telegram refused {}: {}", method.getMethod(), e.getMessage());
                return null;
            } catch (TelegramApiException e) {
                LOG.warn("Could not reach Telegram for {}: {}", method.getMethod(), e.getMessage());
                return null;
            }
        }
        return null;
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.min(seconds, 60)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
