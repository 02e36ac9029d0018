package org.heard.bot;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A Telegram Bot API server on loopback that records every call the real client library makes. */
class FakeBotApi implements AutoCloseable {
    record Call(String method, String body) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Updates served to getUpdates (polling), oldest first. */
    final java.util.concurrent.ConcurrentLinkedDeque<String> updates = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** When set, the next sendMessage is refused with 429 and retry_after 1. */
    final java.util.concurrent.atomic.AtomicBoolean rateLimitOnce = new java.util.concurrent.atomic.AtomicBoolean();
    /** Chats that have blocked the bot: sendMessage to them answers 403. */
    final java.util.Set<Long> blocked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final AtomicInteger messageIds = new AtomicInteger(100);

    /** A fake started on a free port, for a field initialiser. */
    static FakeBotApi started() {
        try {
            return new FakeBotApi();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An update in which someone in a private chat sends a message with this text. */
    static String text(long updateId, long chat, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":7,\"date\":1795400000,\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Sam\"},\"text\":\"" + text + "\"}}";
    }

    /** An update in which someone taps a button carrying this data, under the bot's message in their chat. */
    static String tap(long updateId, long chat, String data) {
        return "{\"update_id\":" + updateId + ",\"callback_query\":{\"id\":\"cb" + updateId + "\",\"chat_instance\":\"x\",\"data\":\""
                + data + "\",\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"Sam\"},\"message\":{\"message_id\":101,"
                + "\"date\":1795400000,\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"q\"}}}";
    }

    /** The settings that put a service in webhook mode against this fake, with any others as key, value, ... */
    java.util.Map<String, String> webhook(String secret, String... more) {
        var props = new java.util.HashMap<String, String>(java.util.Map.of("telegram.bot-token", "123456:TEST",
                "telegram.api-url", "http://127.0.0.1:" + port(), "telegram.mode", "webhook", "telegram.webhook-secret", secret));
        for (int i = 0; i + 1 < more.length; i += 2) {
            props.put(more[i], more[i + 1]);
        }
        return props;
    }

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(method, body));
            String reply;
            if (method.equals("getupdates")) {
                var batch = new java.util.ArrayList<String>();
                String u;
                while ((u = updates.poll()) != null) {
                    batch.add(u);
                }
                if (batch.isEmpty()) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                reply = "{\"ok\":true,\"result\":[" + String.join(",", batch) + "]}";
            } else if (method.equals("sendmessage") && blocked.stream().anyMatch(c -> body.contains(String.valueOf(c)))) {
                reply = "{\"ok\":false,\"error_code\":403,\"description\":\"Forbidden: bot was blocked by the user\"}";
            } else if (method.equals("sendmessage") && rateLimitOnce.compareAndSet(true, false)) {
                reply = "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 1\",\"parameters\":{\"retry_after\":1}}";
            } else if (method.equals("sendmessage")) {
                reply = "{\"ok\":true,\"result\":{\"message_id\":" + messageIds.incrementAndGet()
                        + ",\"date\":1795400000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}}";
            } else {
                reply = "{\"ok\":true,\"result\":true}";
            }
            byte[] out = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The callback data of the newest button with this label, as the bot sent it. */
    String button(String label) {
        var pattern = java.util.regex.Pattern.compile("\\{[^{}]*\"text\"\\s*:\\s*\"" + java.util.regex.Pattern.quote(label) + "\"[^{}]*\\}");
        var data = java.util.regex.Pattern.compile("\"callback_data\"\\s*:\\s*\"([^\"]+)\"");
        List<String> sent = sentTexts();
        for (int i = sent.size() - 1; i >= 0; i--) {
            var m = pattern.matcher(sent.get(i));
            String found = null;
            while (m.find()) {
                var d = data.matcher(m.group());
                if (d.find()) {
                    found = d.group(1);
                }
            }
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("No button '" + label + "' was sent");
    }

    List<String> sentTexts() {
        return calls.stream().filter(c -> c.method().equals("sendmessage")).map(Call::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
