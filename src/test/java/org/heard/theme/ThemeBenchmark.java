package org.heard.theme;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.learning.LinearClassifier;
import org.heard.search.FoundAnswer;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Times theme discovery and suggestions on 10,000 real free-text answers (NHS patient feedback),
 * both as bare computation and end to end through the HTTP API after importing them as a dataset.
 * Targets: discovery for 10,000 answers under 2 s; suggestions for 10,000 new answers under 5 s.
 * Results go to benchmarks/results/themes.md. Run with -Dtest.groups=benchmark -Dtest.excludedGroups=none.
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@Property(name = "heard.search.index-dir", value = "target/bench-theme-index")
@Property(name = "micronaut.http.client.read-timeout", value = "600s")
class ThemeBenchmark {
    static final int N = 10_000;
    static final int CODED = 2_000;
    static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;

    @Test
    void discoveryAndSuggestionsOnTenThousandAnswers() throws Exception {
        List<LinearClassifier.Example> all = new ArrayList<>(ThemeEvaluation.read(ThemeEvaluationTest.DATA, "feedback", "code"));
        Collections.shuffle(all, new Random(1));
        List<LinearClassifier.Example> fresh = all.subList(0, N);
        var random = new Random(2);
        var answers = new ArrayList<FoundAnswer>();
        var rest = new ArrayList<FoundAnswer>();
        String[] audiences = {"children_young_people", "parents_carers", "staff", "community"};
        for (int i = 0; i < N; i++) {
            answers.add(new FoundAnswer(i, "s", "q", audiences[i % 4], "web", null, Instant.EPOCH, fresh.get(i).text()));
            // The rest of the corpus: the same words in other orders, so term statistics are realistic.
            var words = new ArrayList<>(List.of(all.get(random.nextInt(all.size())).text().split(" ")));
            Collections.shuffle(words, random);
            rest.add(new FoundAnswer(N + i, "s", "q", "staff", "web", null, Instant.EPOCH, String.join(" ", words)));
        }
        Set<FoundAnswer> quotable = Set.copyOf(answers);

        Discovery.discover(answers, rest, 8, 10, quotable::contains);
        long discovery = median(() -> Discovery.discover(answers, rest, 8, 10, quotable::contains));

        List<LinearClassifier.Example> training = all.subList(all.size() - CODED, all.size());
        long t0 = System.nanoTime();
        LinearClassifier model = LinearClassifier.train(training);
        long train = (System.nanoTime() - t0) / 1_000_000;
        long suggest = median(() -> fresh.forEach(e -> model.confidences(e.text())));

        // End to end: import as a dataset (2,000 hand-coded rows and 10,000 to code), then export and discover over HTTP.
        StaffTestData.Login analyst = StaffTestData.create(accounts, "ANALYST");
        String dataset = "bench-" + System.nanoTime();
        long i0 = System.nanoTime();
        post(analyst, dataset, csv(training, true, "c"));
        post(analyst, dataset, csv(fresh, false, "n"));
        long importMillis = (System.nanoTime() - i0) / 1_000_000;
        long e0 = System.nanoTime();
        String exported = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/datasets/" + dataset + "/export.csv")));
        long exportMillis = (System.nanoTime() - e0) / 1_000_000;
        long exportAgain = median(() -> http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/datasets/" + dataset + "/export.csv"))));
        // A theme report over the same answers, with a codebook whose eight themes each have a query.
        String book = "bench-report-" + System.nanoTime();
        var themes = new StringBuilder("name: " + book + "\nthemes:\n");
        for (String q : new String[] {"staff OR nurse*", "wait*", "park*", "friendly OR kind", "clean*", "appointment*", "food", "rude"}) {
            themes.append("  - name: ").append(q.replace("*", "").replace(" OR ", " or ")).append("\n    query: '").append(q).append("'\n");
        }
        http.toBlocking().exchange(analyst.sign(HttpRequest.PUT("/api/v1/codebooks/" + book, themes.toString()).contentType("application/yaml")), MAP);
        long reportApi = median(() -> http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/themes/" + book + "?channel=import")), MAP));
        long discoverApi = median(() -> http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/themes/discover?channel=import&clusters=8")), MAP));

        String report = String.format(Locale.ROOT, """
                # Themes benchmark

                Run on %s, %d cores, %s. Answers: %,d real free-text answers from NHS patient feedback
                (`../shared/data/nhs_patient_feedback_phase1.csv`); %,d more of its coded answers teach the model.
                Reproduce: `mvn -B test -Dtest=ThemeBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true`.

                | step | time | target |
                |---|---|---|
                | discovery of terms, phrases and 8 clusters for %,d answers against %,d others (median of 5) | %d ms | under 2 s |
                | suggestions for %,d new answers from a learned model (median of 5) | %d ms | under 5 s |
                | learning the model from %,d hand-coded answers | %d ms | |
                | `GET /api/v1/datasets/{name}/export.csv` just after import: learn the model, then suggest for %,d rows | %d ms | under 5 s |
                | the same export again, model already learned (median of 5) | %d ms | |
                | `GET /api/v1/themes/discover` over the %,d imported answers, read from the index (median of 5) | %d ms | under 2 s |
                | `GET /api/v1/reports/themes/{codebook}` over the %,d imported answers, eight themes tagged by their queries (median of 5) | %d ms | |
                | importing %,d rows as a dataset through `POST /api/v1/datasets/{name}/import` (H2) | %d ms | |

                The export had %,d lines.
                """, LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), N, CODED,
                N, N, discovery, N, suggest, CODED, train, N, exportMillis, exportAgain, N + CODED, discoverApi, N + CODED, reportApi, N + CODED, importMillis,
                exported.lines().count());
        Files.createDirectories(Path.of("benchmarks/results"));
        Files.writeString(Path.of("benchmarks/results/themes.md"), report);
        System.out.println(report);
    }

    private void post(StaffTestData.Login analyst, String dataset, String csv) {
        http.toBlocking().retrieve(analyst.sign(HttpRequest.POST("/api/v1/datasets/" + dataset + "/import", csv).contentType("text/csv")), MAP);
    }

    private static String csv(List<LinearClassifier.Example> rows, boolean coded, String prefix) {
        var sb = new StringBuilder("id,text,themes\n");
        for (int i = 0; i < rows.size(); i++) {
            LinearClassifier.Example e = rows.get(i);
            sb.append(prefix).append(i).append(",\"").append(e.text().replace("\"", "\"\"")).append("\",")
                    .append(coded ? e.labels().iterator().next() : "").append('\n');
        }
        return sb.toString();
    }

    private static long median(Runnable r) {
        var times = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            r.run();
            times.add((System.nanoTime() - t) / 1_000_000);
        }
        Collections.sort(times);
        return times.get(2);
    }
}
