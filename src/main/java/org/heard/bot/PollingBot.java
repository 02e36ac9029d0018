package org.heard.bot;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Polling mode: asks the Bot API for updates (each page confirms the one before), for a service
 * with no public address. Each chat's updates are handled in order, different chats side by side.
 */
@Singleton
class PollingBot {
    private static final Logger LOG = LoggerFactory.getLogger(PollingBot.class);

    private final BotConfiguration config;
    private final BotConversation conversation;
    private final BotSender sender;
    private final BotTexts texts;
    private TelegramBotsLongPollingApplication application;

    PollingBot(BotConfiguration config, BotConversation conversation, BotSender sender, BotTexts texts) {
        this.config = config;
        this.conversation = conversation;
        this.sender = sender;
        this.texts = texts;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        sender.setCommands(texts.commands());
        if (!"polling".equals(config.mode())) {
            return;
        }
        URI api = URI.create(config.apiUrl());
        int port = api.getPort() > 0 ? api.getPort() : ("https".equals(api.getScheme()) ? 443 : 80);
        var url = TelegramUrl.builder().schema(api.getScheme()).host(api.getHost()).port(port).testServer(false).build();
        try {
            application = new TelegramBotsLongPollingApplication();
            application.registerBot(config.botToken(), () -> url, new DefaultGetUpdatesGenerator(), this::handle);
            LOG.info("Telegram bot polling {}", api.getHost());
        } catch (Exception e) {
            LOG.error("Could not start polling Telegram: {}", e.getMessage());
        }
    }

    /**
     * Each chat's updates in order, different chats side by side: replies to one chat are paced (one
     * message a second), and that wait must not hold up everyone else. The batch is done, and so
     * confirmed to Telegram by the next poll, only when every chat's part of it is.
     */
    void handle(List<Update> updates) {
        var byChat = new LinkedHashMap<Long, List<Update>>();
        for (Update u : updates) {
            Long chat = BotConversation.chatOf(u);
            byChat.computeIfAbsent(chat == null ? 0L : chat, k -> new ArrayList<>()).add(u);
        }
        try (var chats = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<Update> inOrder : byChat.values()) {
                chats.submit(() -> inOrder.forEach(this::handleOne));
            }
        }
    }

    private void handleOne(Update u) {
        try {
            conversation.handle(u);
        } catch (RuntimeException e) {
            LOG.error("Could not handle Telegram update {}", u.getUpdateId(), e);
        }
    }

    @PreDestroy
    void stop() throws Exception {
        if (application != null) {
            application.close();
        }
    }
}
