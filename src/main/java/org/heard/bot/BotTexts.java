package org.heard.bot;

import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Everything the bot says, from bots/telegram.yaml, so the words can change without a release. */
@Singleton
class BotTexts {
    private final Map<String, String> texts;
    private final Map<String, String> commands = new java.util.LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    BotTexts(BotConfiguration config) throws IOException {
        try (Reader r = Files.newBufferedReader(Path.of(config.texts()), StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new LoaderOptions()).load(r);
            this.texts = (Map<String, String>) root.get("texts");
            for (Map<String, String> c : (java.util.List<Map<String, String>>) root.getOrDefault("commands", java.util.List.of())) {
                commands.put(c.get("command"), c.get("description"));
            }
        }
    }

    /** The command menu Telegram shows, command to description. */
    Map<String, String> commands() {
        return commands;
    }

    String get(String key) {
        String t = texts.get(key);
        if (t == null) {
            throw new IllegalStateException("bots/telegram.yaml has no text '" + key + "'");
        }
        return t.strip();
    }

    String get(String key, String name, String value) {
        return get(key).replace("{" + name + "}", value);
    }
}
