package org.heard.report;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.heard.framework.FrameworkCatalog;
import org.heard.staff.StaffAccounts;
import org.heard.survey.Option;
import org.heard.survey.Question;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.testing.StaffTestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: loads a million responses to the real surveys into an H2 file database set up as the
 * service runs it, half in the report's period and half in the comparison period, and times the
 * framework report for a real framework through the HTTP API (JSON with a comparison period, and
 * the HTML page). Target: under 3 s. Results go to benchmarks/results/framework-report.md.
 *
 * <p>Run: {@code mvn -B test -Dtest=FrameworkReportBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none
 * -Dmariadb.skip=true -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dheard.bench.responses=} for another
 * size). The loaded database is kept in target/bench-framework and used again by the next run of the
 * same size, so a schema change (a new migration) is measured on the same data.
 */
@Tag("benchmark")
class FrameworkReportBenchmark {
    private static final String FRAMEWORK = "harrow-qaf-2015";
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);
    private static final LocalDate COMPARE_FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate COMPARE_TO = LocalDate.of(2025, 12, 31);
    private static final int WARM_UP = Integer.getInteger("heard.bench.warmup", 2);
    private static final int RUNS = Integer.getInteger("heard.bench.runs", 7);
    private static final String[] TEXTS = {"the wait for help was too long", "my worker listened to me", "more activities after school",
            "supervision gives me time to think", "we were not told what happens next", "the training was useful for my team"};

    @Test
    void frameworkReportOnAMillionResponses() throws Exception {
        int n = Integer.getInteger("heard.bench.responses", 1_000_000);
        Path dir = Path.of("target/bench-framework").toAbsolutePath();
        Path done = dir.resolve("corpus-" + n + ".done");
        boolean reuse = Files.exists(done);
        if (!reuse) {
            deleteTree(dir);
        }
        Map<String, Object> props = Map.of(
                "heard.surveys-dir", "surveys",
                "heard.data-dir", dir.toString(),
                "heard.search.index-dir", dir.resolve("index").toString(),
                // The service's own H2 settings (application.yml), not the in-memory database the tests use.
                "datasources.default.url", "jdbc:h2:file:" + dir.resolve("db/heard") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH",
                "datasources.default.maximum-pool-size", 10,
                "micronaut.http.client.read-timeout", "600s");
        long s0 = System.nanoTime();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            double startSeconds = (System.nanoTime() - s0) / 1e9;
            ApplicationContext ctx = server.getApplicationContext();
            SurveyCatalog catalog = ctx.getBean(SurveyCatalog.class);
            double loadSeconds = 0;
            long answers;
            if (reuse) {
                answers = count(raw(ctx), "SELECT COUNT(*) FROM answer");
            } else {
                long l0 = System.nanoTime();
                answers = load(raw(ctx), catalog, n);
                // The free text goes into the search index too, so the report's themes read a full index.
                ctx.getBean(org.heard.search.SearchIndex.class).rebuild(progress -> { });
                loadSeconds = (System.nanoTime() - l0) / 1e9;
                Files.writeString(done, "loaded " + Instant.now() + "\n");
            }

            // Reports keep daily tallies between runs; start from none, so the first report shows the cost of counting.
            clearTallies(ctx);
            double quietSeconds = waitUntilQuiet();
            var login = StaffTestData.create(ctx.getBean(StaffAccounts.class), "ANALYST");
            try (HttpClient http = ctx.createBean(HttpClient.class, server.getURL())) {
                String json = "/api/v1/reports/framework/" + FRAMEWORK + "?from=" + FROM + "&to=" + TO
                        + "&compareFrom=" + COMPARE_FROM + "&compareTo=" + COMPARE_TO;
                String html = "/reports/framework/" + FRAMEWORK + "?from=" + FROM + "&to=" + TO;
                String loadBefore = loadAverage();
                long c0 = System.nanoTime();
                http.toBlocking().retrieve(login.sign(HttpRequest.GET(json)), Argument.mapOf(String.class, Object.class));
                long coldMs = (System.nanoTime() - c0) / 1_000_000;
                System.out.printf("first report, counting every day: %d ms%n", coldMs);
                List<Long> jsonTimes = time(() -> {
                    Map<String, Object> r = http.toBlocking().retrieve(login.sign(HttpRequest.GET(json)), Argument.mapOf(String.class, Object.class));
                    assertTrue(r.toString().contains("significant=true"), "the comparison was made");
                    return r;
                });
                List<Long> htmlTimes = time(() -> {
                    String page = http.toBlocking().retrieve(login.sign(HttpRequest.GET(html)).accept(MediaType.TEXT_HTML_TYPE));
                    assertTrue(page.contains("Against the baseline wave"), "the training follow-up is compared with the day");
                    return page;
                });
                FrameworkReport reports = ctx.getBean(FrameworkReport.class);
                var framework = ctx.getBean(FrameworkCatalog.class).find(FRAMEWORK).orElseThrow();
                List<Long> buildTimes = time(() -> reports.build(framework, FROM, TO, new Period(COMPARE_FROM, COMPARE_TO)));
                String loadAfter = loadAverage();

                // The same start from no tallies, with the service's warm-up counting them ahead (30 s after a
                // start in service; called directly here), then the first report after it.
                clearTallies(ctx);
                long w0 = System.nanoTime();
                int surveys = ctx.getBean(TallyWarmUp.class).warm();
                long warmMs = (System.nanoTime() - w0) / 1_000_000;
                long a0 = System.nanoTime();
                http.toBlocking().retrieve(login.sign(HttpRequest.GET(json)), Argument.mapOf(String.class, Object.class));
                long afterWarmMs = (System.nanoTime() - a0) / 1_000_000;
                System.out.printf("warm-up over %d surveys: %d ms; first report after it: %d ms%n", surveys, warmMs, afterWarmMs);
                write(n, answers, reuse, loadSeconds, startSeconds + quietSeconds, loadBefore, loadAfter, coldMs, jsonTimes, htmlTimes, buildTimes,
                        warmMs, afterWarmMs);
            }
        }
    }

    /** Responses spread over the real surveys that give framework evidence, their agencies and the two periods. */
    private static long load(DataSource ds, SurveyCatalog catalog, int n) throws Exception {
        List<Survey> surveys = catalog.all().stream().filter(s -> s.questions().stream().anyMatch(q -> !q.measures().isEmpty())).toList();
        List<Option> agencies = catalog.agencies().all();
        var random = new Random(42);
        long answers = 0;
        long span = COMPARE_TO.plusDays(1).toEpochDay() - COMPARE_FROM.toEpochDay();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement r = c.prepareStatement("INSERT INTO response (id, survey_id, survey_version, channel, agency, submitted_at, "
                    + "idempotency_key, receipt_hash, legal_hold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)");
                 PreparedStatement a = c.prepareStatement("INSERT INTO answer (response_id, question_id, value_choice, value_number, value_text) "
                         + "VALUES (?, ?, ?, ?, ?)");
                 // The texts are synthetic and harmless: marked as screened, so start-up does not screen a million of them.
                 PreparedStatement screened = c.prepareStatement("INSERT INTO safeguarding_screened (response_id, screened_at) VALUES (?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    Survey s = surveys.get(random.nextInt(surveys.size()));
                    boolean later = i % 2 == 0;
                    LocalDate start = later ? FROM : COMPARE_FROM;
                    Instant at = start.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds((long) (random.nextDouble() * span * 86_400));
                    String agency = s.agencyQuestion().isPresent() ? agencies.get(random.nextInt(agencies.size())).value() : null;
                    r.setLong(1, i);
                    r.setString(2, s.id());
                    r.setInt(3, s.version());
                    r.setString(4, random.nextInt(5) == 0 ? "telegram" : "web");
                    r.setString(5, agency);
                    r.setTimestamp(6, Timestamp.from(at));
                    r.setString(7, "bench-" + i);
                    r.setString(8, HexFormat.of().toHexDigits((long) i) + "0".repeat(48));
                    r.addBatch();
                    screened.setLong(1, i);
                    screened.setTimestamp(2, Timestamp.from(at));
                    screened.addBatch();
                    for (Question q : s.questions()) {
                        answers += answer(a, i, q, agency, later, random);
                    }
                    if (i % 1_000 == 0) {
                        r.executeBatch();
                        a.executeBatch();
                        screened.executeBatch();
                    }
                    if (i % 50_000 == 0) {
                        c.commit();
                        System.out.printf("loaded %,d responses, %,d answers%n", i, answers);
                    }
                }
                r.executeBatch();
                a.executeBatch();
                screened.executeBatch();
                c.commit();
            }
        }
        return answers;
    }

    /** One question's answer rows, as the store writes them; the later period leans a little more positive. */
    private static int answer(PreparedStatement a, long response, Question q, String agency, boolean later, Random random) throws Exception {
        switch (q.type()) {
            case SHORT_TEXT, LONG_TEXT -> {
                return random.nextInt(4) == 0 ? row(a, response, q, null, null, TEXTS[random.nextInt(TEXTS.length)]) : 0;
            }
            case DATE, NUMBER -> {
                return 0;
            }
            default -> {
            }
        }
        if (!q.required() && random.nextInt(10) < 2) {
            return 0;
        }
        if (q.preferNotToSay() && random.nextInt(30) == 0) {
            return row(a, response, q, Question.PREFER_NOT_TO_SAY, null, null);
        }
        return switch (q.type()) {
            case SCALE -> {
                int points = q.scale().max() - q.scale().min() + 1;
                int v = q.scale().min() + Math.min(points - 1, random.nextInt(points) + (later && random.nextInt(6) == 0 ? 1 : 0));
                yield row(a, response, q, null, (double) v, null);
            }
            case YES_NO -> row(a, response, q, random.nextInt(100) < (later ? 62 : 55) ? "yes" : "no", null, null);
            case AGENCY -> row(a, response, q, agency, null, null);
            case SINGLE_CHOICE -> row(a, response, q, q.options().get(random.nextInt(q.options().size())).value(), null, null);
            case MULTIPLE_CHOICE -> {
                var options = new ArrayList<>(q.options());
                Collections.shuffle(options, random);
                int k = 1 + random.nextInt(Math.min(2, options.size()));
                for (int j = 0; j < k; j++) {
                    row(a, response, q, options.get(j).value(), null, null);
                }
                yield k;
            }
            default -> 0;
        };
    }

    private static int row(PreparedStatement a, long response, Question q, String choice, Double number, String text) throws Exception {
        a.setLong(1, response);
        a.setString(2, q.id());
        a.setString(3, choice);
        if (number == null) {
            a.setNull(4, java.sql.Types.DOUBLE);
        } else {
            a.setDouble(4, number);
        }
        a.setString(5, text);
        a.addBatch();
        return 1;
    }

    private static List<Long> time(Supplier<Object> run) {
        var times = new ArrayList<Long>();
        for (int i = -WARM_UP; i < RUNS; i++) {
            long t = System.nanoTime();
            run.get();
            long ms = (System.nanoTime() - t) / 1_000_000;
            System.out.printf("%s %d ms%n", i < 0 ? "warm-up" : "run", ms);
            if (i >= 0) {
                times.add(ms);
            }
        }
        return times;
    }

    /** The pool itself: the bean hands out connections only inside the service's transactions. */
    private static DataSource raw(ApplicationContext ctx) {
        DataSource ds = ctx.getBean(DataSource.class);
        return ds instanceof DelegatingDataSource d ? d.getTargetDataSource() : ds;
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Waits for the service's start-up work in the background (the search index reconciling itself with
     * a store it did not see filled) to finish, so that it does not share the two cores with the timing.
     */
    private static double waitUntilQuiet() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long t0 = System.nanoTime();
        int quiet = 0;
        while (quiet < 5 && System.nanoTime() - t0 < 900e9) {
            Thread.sleep(1000);
            quiet = os.getProcessCpuLoad() < 0.05 ? quiet + 1 : 0;
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void clearTallies(ApplicationContext ctx) throws Exception {
        try (Connection c = raw(ctx).getConnection(); var st = c.createStatement()) {
            for (String table : List.of("report_tally_day", "report_tally_question", "report_tally_value")) {
                st.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    private static void write(int n, long answers, boolean reuse, double loadSeconds, double startSeconds, String loadBefore,
                              String loadAfter, long coldMs, List<Long> json, List<Long> html, List<Long> build, long warmMs,
                              long afterWarmMs) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long worst = Math.max(Collections.max(json), Collections.max(html));
        String report = """
                # Framework report benchmark

                %,d responses with %,d answer rows in an H2 file database set up as the service runs it (the
                real surveys that give framework evidence, their agencies, half in %s to %s and half in the
                comparison period %s to %s). %s
                Report: `%s` for %s to %s. Recorded by `FrameworkReportBenchmark` on %s; %d runs of each after %d
                to warm up. Machine: %d cores (%s), JDK %s, heap limit %d MB. Load average before the timed runs:
                %s; after: %s. Start-up, with the migrations and the work it does in the background: %.1f s.

                | request | median | worst |
                |---|---|---|
                | the first JSON report with no tallies yet, counting every day of both periods | %,d ms | (once) |
                | `GET /api/v1/reports/framework/%s` JSON, with `compareFrom`/`compareTo` | %,d ms | %,d ms |
                | `GET /reports/framework/%s` HTML page | %,d ms | %,d ms |
                | `FrameworkReport.build` in process, with the comparison | %,d ms | %,d ms |
                | from no tallies again: `TallyWarmUp` counting the two years to today ahead, as the service does 30 s after a start | %,d ms | (once) |
                | then the first JSON report, counting only the days the warm-up did not reach (after today) | %,d ms | (once) |

                Target: under 3 s, median and worst of the timed runs: **%s**.

                Run: `mvn -B test -Dtest=FrameworkReportBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none
                -Dmariadb.skip=true -Dsurefire.failIfNoSpecifiedTests=false`.
                """.formatted(n, answers, FROM, TO, COMPARE_FROM, COMPARE_TO,
                reuse ? "The corpus was loaded by an earlier run and reused." : "Loaded with JDBC batches, and the search index rebuilt from them, in %.0f s.".formatted(loadSeconds),
                FRAMEWORK, FROM, TO, LocalDate.now(), RUNS, WARM_UP, Runtime.getRuntime().availableProcessors(), cpu,
                Runtime.version(), Runtime.getRuntime().maxMemory() / (1024 * 1024), loadBefore, loadAfter, startSeconds,
                coldMs, FRAMEWORK, median(json), Collections.max(json), FRAMEWORK, median(html), Collections.max(html),
                median(build), Collections.max(build), warmMs, afterWarmMs, worst < 3_000 ? "met" : "not met");
        Files.createDirectories(Path.of("benchmarks/results"));
        Path out = Path.of("benchmarks/results/framework-report.md");
        String notes = Files.exists(out) ? Files.readString(out) : "";
        int keep = notes.indexOf("\n## ");
        Files.writeString(out, report + (keep < 0 ? "" : notes.substring(keep)));
        System.out.println(report);
    }

    private static long median(List<Long> times) {
        var sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1 / 5 / 15 min)";
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
