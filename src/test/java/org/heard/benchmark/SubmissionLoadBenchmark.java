package org.heard.benchmark;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: a load run through the real HTTP server and database, recorded in
 * benchmarks/results/submissions.md. The design load is 20 submissions a second sustained with bursts
 * of 50 a second (a whole school answering in one lesson); the target is p95 under 500 ms.
 *
 * <p>Run: {@code mvn test -Dtest=SubmissionLoadBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true}
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
class SubmissionLoadBenchmark {
    @Inject
    EmbeddedServer server;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sustainedAndBurstSubmissions() throws Exception {
        String loadBefore = load();
        var sustained = run(20, 60);
        var burst = run(50, 20);
        String loadAfter = load();
        String report = """
                # Submission load

                Through the real HTTP server (`POST /api/v1/surveys/every-type/responses`, JSON, a long free-text
                answer each, screened for safeguarding and indexed for search as it arrives) into the embedded H2
                database, on a 2-core machine. Recorded on %s, 1-minute load average %s before and %s after.
                Run: `mvn test -Dtest=SubmissionLoadBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true`.

                | load | requests | errors | p50 ms | p95 ms | p99 ms | max ms |
                |---|---|---|---|---|---|---|
                | 20/s for 60 s | %s |
                | 50/s for 20 s | %s |

                Target: p95 under 500 ms.
                """.formatted(LocalDate.now(), loadBefore, loadAfter, sustained, burst);
        Files.createDirectories(Path.of("benchmarks/results"));
        Files.writeString(Path.of("benchmarks/results/submissions.md"), report);
        System.out.println(report);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private String run(int perSecond, int seconds) throws Exception {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicInteger();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < perSecond * seconds; i++) {
                long due = start + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = client.send(request(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                    latencies.add((System.nanoTime() - t0) / 1_000_000);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        assertEquals(perSecond * seconds, sorted.size());
        return "%d | %d | %d | %d | %d | %d".formatted(sorted.size(), errors.get(), pct(sorted, 50), pct(sorted, 95),
                pct(sorted, 99), sorted.getLast());
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private HttpRequest request() {
        String body = """
                {"idempotencyKey": "%s", "answers": {"colour": "blue", "pets": ["cat"], "happy": 4, "safe": "yes",
                 "story": "I like the youth club because the staff listen to us and we feel safe there, but the bus home is late and the park is dark in winter.",
                 "age": 14, "when": "2026-05-01", "agency": "schools"}}""".formatted(UUID.randomUUID());
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/api/v1/surveys/every-type/responses"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
