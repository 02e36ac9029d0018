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
    private final HttpServer server;
    private final AtomicInteger messageIds = new AtomicInteger(100);

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String method = path.substring(path.lastIndexOf('/') + 1).toLowerCase();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(method, body));
            String result = method.equals("sendmessage")
                    ? "{\"message_id\":" + messageIds.incrementAndGet() + ",\"date\":1795400000,\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"x\"}"
                    : "true";
            byte[] out = ("{\"ok\":true,\"result\":" + result + "}").getBytes(StandardCharsets.UTF_8);
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

    List<String> sentTexts() {
        return calls.stream().filter(c -> c.method().equals("sendmessage")).map(Call::body).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
