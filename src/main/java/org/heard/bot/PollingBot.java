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
import java.util.List;

/**
 * Polling mode: asks the Bot API for updates (each page confirms the one before), for a service
 * with no public address. Updates are handled one after another, in order.
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
            application.registerBot(config.botToken(), () -> url, new DefaultGetUpdatesGenerator(), (List<Update> updates) -> {
                for (Update u : updates) {
                    try {
                        conversation.handle(u);
                    } catch (RuntimeException e) {
                        LOG.error("Could not handle Telegram update {}", u.getUpdateId(), e);
                    }
                }
            });
            LOG.info("Telegram bot polling {}", api.getHost());
        } catch (Exception e) {
            LOG.error("Could not start polling Telegram: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() throws Exception {
        if (application != null) {
            application.close();
        }
    }
}
