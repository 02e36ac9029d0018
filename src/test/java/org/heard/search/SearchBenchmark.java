package org.heard.search;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.lucene.search.IndexSearcher;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: puts a synthetic corpus of a million free-text answers into a fresh H2 file database
 * (the embedded default) and a fresh index, times indexing them through the document builder, times
 * rebuilding the index from the database, then times typical searches through the HTTP API and
 * through a bare Lucene IndexSearcher on the same index and queries. Results go to
 * benchmarks/results/search.md.
 *
 * <p>Run: {@code mvn test -Dtest=SearchBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true -Dtest.heap=}
 * (set {@code -Dheard.bench.answers=} for another corpus size).
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBenchmark implements TestPropertyProvider {
    private static final String[] OPENERS = {"I feel", "We need", "My worry is", "The best thing is", "Please", "It would help if",
            "Staff said", "My child", "At school", "Online", "In my area", "Since the training", "The wait", "Our team"};
    private static final String[] TOPICS = {"waiting for help from CAMHS took months", "the park is dark and the bus is late",
            "online grooming on snapchat worries me", "bullying at school is getting worse", "my social worker keeps changing",
            "supervision helps me think about risk", "child sexual exploitation training was useful", "there is nowhere safe to go after school",
            "knife crime near the station", "the youth club closed", "children in care need more say", "domestic abuse referrals take too long",
            "information sharing between agencies is poor", "the health visitor listened to us", "county lines in our estate",
            "mental health support is hard to get", "the police were kind", "we want more activities in the holidays",
            "i feel safe at home and at school", "teachers should listen more", "the early help worker made a difference"};
    /** Test surveys with a free-text question each: survey id, question id (their audiences differ). */
    private static final String[][] QUESTIONS = {{"young-voices", "anything-else"}, {"staff-check", "comments"},
            {"imported-text", "text"}, {"training-on-the-day", "do-differently"}};
    private static final String[] CHANNELS = {"web", "api", "telegram", "import"};
    private static final String[] AGENCIES = {"police", "schools", "health", "social-care", null};
    /** The JIT counts as settled when a block of this many rounds compiled for less than SETTLE_MS in all. */
    private static final int SETTLE_BLOCK = 20;
    private static final long SETTLE_MS = 50;
    private static final List<String> QUERIES = List.of("q=grooming",
            "q=" + enc("\"waiting for help\"") + "&audience=children_young_people",
            "q=CSE&agency=police",
            "q=" + enc("bully* AND school") + "&from=2025-01-01&to=2025-12-31",
            "q=" + enc("social worker") + "&channel=web&sort=date");

    @Inject
    SearchIndex index;
    @Inject
    SearchService service;
    @Inject
    EmbeddedServer server;
    /**
     * The JDK's asynchronous HTTP/1.1 client, timed alongside the blocking one: it hands every request
     * and answer between its own threads, which on two cores shared with the server shows in the tail.
     */
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    @Inject
    StaffAccounts accounts;
    static {
        // Surefire runs tests with -ea; the service runs without it, and Lucene's own assertions
        // (checked on every posting and doc values call) would be timed as if they were search.
        SearchBenchmark.class.getClassLoader().setPackageAssertionStatus("org.apache.lucene", false);
    }

    private String url;

    @Override
    public Map<String, String> getProperties() {
        try {
            // A fresh database and index each run; the previous run's are removed first.
            Path dir = Path.of("target/search-bench");
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
            Files.createDirectories(dir);
            url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/heard") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH";
            return Map.of("heard.search.index-dir", dir.resolve("index").toString(), "datasources.default.url", url);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void millionAnswers() throws Exception {
        int n = Integer.getInteger("heard.bench.answers", 1_000_000);
        assertFalse(IndexSearcher.class.desiredAssertionStatus(), "Lucene runs without assertions, as in service");
        waitForRebuild();

        long t0 = System.nanoTime();
        long first = insert(n);
        double insertSeconds = seconds(t0);

        t0 = System.nanoTime();
        index.bulkAdd(corpus(n, first));
        double indexSeconds = seconds(t0);

        t0 = System.nanoTime();
        assertTrue(index.rebuild(done -> { }));
        double rebuildSeconds = seconds(t0);
        assertEquals(n, total("q="), "the rebuilt index holds every answer");

        // Loading a million rows leaves H2 compacting its file in the background for minutes. The service
        // meets its searches long after the answers arrived, so the searches wait for that to finish.
        double settleSeconds = waitForDatabaseHousekeeping();
        String loadBefore = load();
        var login = StaffTestData.create(accounts, "ANALYST");
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString((login.username() + ":" + login.password())
                .getBytes(StandardCharsets.UTF_8));
        var api = new ArrayList<Long>();
        var apiAsync = new ArrayList<Long>();
        var fileAsync = new ArrayList<Long>();
        var inProcess = new ArrayList<Long>();
        var bare = new ArrayList<Long>();
        var fixed = new ArrayList<Long>();
        var file = new ArrayList<Long>();
        var apiPer = new LinkedHashMap<String, List<Long>>();
        var barePer = new LinkedHashMap<String, List<Long>>();
        // The service runs for days, so it is measured warm. Rounds go unrecorded until the JIT has settled:
        // on two cores its compiler otherwise takes half a core for minutes and every timing moves with it.
        var jit = ManagementFactory.getCompilationMXBean();
        int rounds = Integer.getInteger("heard.bench.rounds", 300);
        int maxWarmup = Integer.getInteger("heard.bench.warmup", 3000);
        int warmup = 0;
        int recorded = 0;
        boolean settled = false;
        long blockStart = jit.getTotalCompilationTime();
        long lastBlock = 0;
        long[] gcAtStart = null;
        while (recorded < rounds) {
            boolean record = settled;
            if (record && gcAtStart == null) {
                gcAtStart = gc();
            }
            searchThroughApi(this::get, auth, record ? api : null, record ? apiPer : null);
            searchThroughApi(this::getAsync, auth, record ? apiAsync : null, null);
            // A search that matches nothing: what every API call costs besides the search itself.
            long s0 = System.nanoTime();
            get("/api/v1/search?q=zzzqqq", auth);
            if (record) {
                fixed.add(System.nanoTime() - s0);
            }
            // A small static file through the same server and client: the floor under any API call.
            s0 = System.nanoTime();
            get("/static/heard.css", null);
            if (record) {
                file.add(System.nanoTime() - s0);
            }
            s0 = System.nanoTime();
            getAsync("/static/heard.css", null);
            if (record) {
                fileAsync.add(System.nanoTime() - s0);
            }
            for (String q : QUERIES) {
                // The service alone, without HTTP, sign-in, the access log or JSON.
                long s = System.nanoTime();
                service.search(request(q));
                if (record) {
                    inProcess.add(System.nanoTime() - s);
                }
            }
            IndexSearcher searcher = index.acquire();
            try {
                for (String q : QUERIES) {
                    var query = service.build(request(q));
                    long s = System.nanoTime();
                    searcher.search(query, 20);
                    long took = System.nanoTime() - s;
                    if (record) {
                        bare.add(took);
                        barePer.computeIfAbsent(q, k -> new ArrayList<>()).add(took);
                    }
                }
            } finally {
                index.release(searcher);
            }
            if (record) {
                recorded++;
            } else if (++warmup % SETTLE_BLOCK == 0) {
                lastBlock = jit.getTotalCompilationTime() - blockStart;
                blockStart = jit.getTotalCompilationTime();
                settled = lastBlock < SETTLE_MS || warmup >= maxWarmup;
                System.out.printf("warming up: %d rounds, the JIT compiled for %d ms in the last %d%n", warmup, lastBlock, SETTLE_BLOCK);
            }
        }
        String loadAfter = load();
        long[] gcAtEnd = gc();

        var rows = new StringBuilder();
        apiPer.forEach((q, t) -> {
            List<Long> b = barePer.get(q);
            rows.append("| `").append(URLDecoder.decode(q, StandardCharsets.UTF_8)).append("` | ").append(total(q)).append(" | ")
                    .append("%.1f | %.1f | %.2f | %.2f |%n".formatted(pct(t, 50), pct(t, 95), pct(b, 50), pct(b, 95)));
        });
        double ratio = pct(api, 95) / pct(bare, 95);
        boolean met = pct(api, 95) < 50 && ratio <= 3;
        String report = """
                # Search benchmark

                %d synthetic free-text answers (varied sentences from children, parents and staff, spread over four test
                surveys with different audiences, four channels, five agencies and 22 months), on this 2-core machine.
                Recorded by `SearchBenchmark` on %s, 1-minute load average %s before the searches and %s after. Lucene
                runs without Java assertions, as in service (Surefire would otherwise switch them on), with a %.1f GB heap. Each query is timed %d
                times, after %d unrecorded rounds of every request that let the JIT settle (the last %d compiled for
                %d ms; the service runs warm, for days).
                Run: `mvn test -Dtest=SearchBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true -Dtest.heap=`
                (the empty `test.heap` gives the JVM's default heap, as the service runs, instead of the tests' 1 GB).

                | measure | value |
                |---|---|
                | loading the database (JDBC batches into `response` and `answer`, H2 file) | %.1f s |
                | indexing rate (the service's document builder straight into the index, one commit) | %,.0f answers/s (%.1f s) |
                | rebuild from the database (`SearchIndex.rebuild`, reading responses page by page) | %,.0f answers/s (%.1f s) |
                | then waiting for H2 to finish compacting its file in the background, before any search | %.0f s |
                | API search p50 (HTTP, sign-in, access log, filters, facets, snippets, JSON) | %.1f ms |
                | API search p95 | %.1f ms |
                | API search matching nothing p50 / p95 (what HTTP, sign-in, access log and JSON cost on their own) | %.1f / %.1f ms |
                | a small static file through the same server and client p50 / p95 (the HTTP floor) | %.1f / %.1f ms |
                | API search p50 / p95 through the JDK's asynchronous `HttpClient` instead | %.1f / %.1f ms |
                | the static file through that client p50 / p95 | %.1f / %.1f ms |
                | `SearchService.search` in process p50 / p95 (no HTTP, sign-in, access log or JSON) | %.1f / %.1f ms |
                | bare IndexSearcher p50 (the same Lucene queries, top 20) | %.2f ms |
                | bare IndexSearcher p95 | %.2f ms |
                | garbage collections during the timed rounds | %d, %d ms in all |
                | API p95 / bare p95 | %.1fx |

                | query | hits | API p50 ms | API p95 ms | bare p50 ms | bare p95 ms |
                |---|---|---|---|---|---|
                %s
                Target: API p95 under 50 ms (%s) and API p95 within 3x of bare Lucene's p95 over the same queries (%s):
                **%s**.

                How to read it: the API signs in (HTTP Basic), writes the access log, searches, counts every hit exactly
                for the total and the audience, survey, agency and month facets, highlights the page and sends JSON. It
                is timed from sending the request to holding the whole answer, through a blocking HTTP/1.1 client on one
                kept-alive connection (the JDK's `HttpURLConnection`, as a script or a load tester would use), in the same
                JVM as the service; decoding the JSON is left to the caller. Bare Lucene asks for the top 20
                only and may skip hits that cannot make the page; the API does the same for the page, then counts every
                hit, unscored, for the total and the facets. The ratio is taken over all queries.
                Sign-in checks the password once and then remembers it for five minutes, as in service. Each run's
                numbers move with whatever else the machine is running.
                """.formatted(n, LocalDate.now(), loadBefore, loadAfter, Runtime.getRuntime().maxMemory() / 1e9, rounds, warmup, SETTLE_BLOCK, lastBlock, insertSeconds, n / indexSeconds, indexSeconds,
                n / rebuildSeconds, rebuildSeconds, settleSeconds, pct(api, 50), pct(api, 95), pct(fixed, 50), pct(fixed, 95), pct(file, 50), pct(file, 95), pct(apiAsync, 50), pct(apiAsync, 95), pct(fileAsync, 50), pct(fileAsync, 95), pct(inProcess, 50), pct(inProcess, 95), pct(bare, 50), pct(bare, 95), gcAtEnd[0] - gcAtStart[0], gcAtEnd[1] - gcAtStart[1], ratio, rows,
                pct(api, 95) < 50 ? "met" : "not met", ratio <= 3 ? "met" : "not met", met ? "met" : "not met");
        Files.createDirectories(Path.of("benchmarks/results"));
        Files.writeString(Path.of("benchmarks/results/search.md"), report);
        System.out.println(report);
    }

    /** Waits until H2's background writer uses under 5% of a core over two seconds (at most 15 minutes); returns the seconds waited. */
    private static double waitForDatabaseHousekeeping() throws InterruptedException {
        var threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(15).toNanos();
        long before = writerCpu(threads);
        while (System.nanoTime() < deadline) {
            Thread.sleep(2000);
            long now = writerCpu(threads);
            if (now - before < 100_000_000L) {
                break;
            }
            System.out.printf("waiting for the database's background writer: %.0f%% of a core over the last 2 s%n", (now - before) / 2e7);
            before = now;
        }
        return seconds(start);
    }

    private interface Client {
        String get(String path, String auth) throws IOException, InterruptedException;
    }

    /** Every query once through a client; when recording, each time goes to {@code all} and, if given, to its query's list. */
    private static void searchThroughApi(Client client, String auth, List<Long> all, Map<String, List<Long>> perQuery)
            throws IOException, InterruptedException {
        for (String q : QUERIES) {
            long s = System.nanoTime();
            String body = client.get("/api/v1/search?" + q, auth);
            long took = System.nanoTime() - s;
            assertTrue(body.contains("\"total\":"), q);
            if (all != null) {
                all.add(took);
            }
            if (perQuery != null) {
                perQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(took);
            }
        }
    }

    /** Collections so far and the milliseconds they took, over every collector. */
    private static long[] gc() {
        long count = 0;
        long ms = 0;
        for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            ms += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, ms};
    }

    private static long writerCpu(java.lang.management.ThreadMXBean threads) {
        long sum = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("MVStore background writer")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /** One request through the blocking client; the connection is kept alive for the next. */
    private String get(String path, String auth) throws IOException {
        var connection = (java.net.HttpURLConnection) server.getURI().resolve(path).toURL().openConnection();
        if (auth != null) {
            connection.setRequestProperty("Authorization", auth);
        }
        try (var in = connection.getInputStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(200, connection.getResponseCode(), path);
            return body;
        }
    }

    private String getAsync(String path, String auth) throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    private void waitForRebuild() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (index.progress().running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private long total(String q) {
        return service.search(request(q)).total();
    }

    private static SearchRequest request(String q) {
        var params = new HashMap<String, String>();
        for (String kv : q.split("&")) {
            String[] parts = kv.split("=", 2);
            params.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return new SearchRequest(params.get("q"), params.get("audience"), null, null, params.get("agency"),
                params.get("channel"), null, params.containsKey("from") ? LocalDate.parse(params.get("from")) : null,
                params.containsKey("to") ? LocalDate.parse(params.get("to")) : null, 1, 20, "date".equals(params.get("sort")), null);
    }

    /** The corpus as rows of the real tables, in batches, so a rebuild reads it as it would any responses. */
    private long insert(int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            long first;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM response")) {
                rs.next();
                first = rs.getLong(1);
            }
            try (PreparedStatement response = c.prepareStatement("INSERT INTO response (id, survey_id, survey_version, channel, agency, "
                    + "submitted_at, idempotency_key, receipt_hash, legal_hold) VALUES (?, ?, 1, ?, ?, ?, ?, ?, FALSE)");
                 PreparedStatement answer = c.prepareStatement("INSERT INTO answer (response_id, question_id, value_text) VALUES (?, ?, ?)")) {
                int i = 0;
                for (AnswerDocuments.Answer a : corpus(n, first)) {
                    response.setLong(1, a.responseId());
                    response.setString(2, a.surveyId());
                    response.setString(3, a.channel());
                    if (a.agency() == null) {
                        response.setNull(4, Types.VARCHAR);
                    } else {
                        response.setString(4, a.agency());
                    }
                    response.setTimestamp(5, Timestamp.from(a.submittedAt()));
                    response.setString(6, "bench-" + a.responseId());
                    response.setString(7, "%064d".formatted(a.responseId()));
                    response.addBatch();
                    answer.setLong(1, a.responseId());
                    answer.setString(2, a.questionId());
                    answer.setString(3, a.text());
                    answer.addBatch();
                    if (++i % 5_000 == 0 || i == n) {
                        response.executeBatch();
                        answer.executeBatch();
                        c.commit();
                    }
                }
            }
            return first;
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** The same answers every time (a fixed seed), numbered from {@code firstId}. */
    private static Iterable<AnswerDocuments.Answer> corpus(int n, long firstId) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        return () -> new Iterator<>() {
            final Random random = new Random(42);
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public AnswerDocuments.Answer next() {
                String text = OPENERS[random.nextInt(OPENERS.length)] + " " + TOPICS[random.nextInt(TOPICS.length)] + " and "
                        + TOPICS[random.nextInt(TOPICS.length)];
                String[] question = QUESTIONS[random.nextInt(QUESTIONS.length)];
                return new AnswerDocuments.Answer(firstId + i++, question[0], question[1], CHANNELS[random.nextInt(CHANNELS.length)],
                        AGENCIES[random.nextInt(AGENCIES.length)], start.plusSeconds(random.nextInt(660 * 86400)), text);
            }
        };
    }
}
