package org.heard.search;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a test: loads a synthetic corpus of a million free-text answers into a fresh index and times
 * typical searches through the HTTP API and through a bare Lucene IndexSearcher on the same index.
 * Results go to benchmarks/results/search.md.
 *
 * <p>Run: {@code mvn test -Dtest=SearchBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true}
 * (set {@code -Dheard.bench.answers=} for another corpus size).
 */
@Tag("benchmark")
@MicronautTest(transactional = false)
@Property(name = "heard.search.index-dir", value = "target/bench-index")
class SearchBenchmark {
    private static final String[] OPENERS = {"I feel", "We need", "My worry is", "The best thing is", "Please", "It would help if",
            "Staff said", "My child", "At school", "Online", "In my area", "Since the training", "The wait", "Our team"};
    private static final String[] TOPICS = {"waiting for help from CAMHS took months", "the park is dark and the bus is late",
            "online grooming on snapchat worries me", "bullying at school is getting worse", "my social worker keeps changing",
            "supervision helps me think about risk", "child sexual exploitation training was useful", "there is nowhere safe to go after school",
            "knife crime near the station", "the youth club closed", "children in care need more say", "domestic abuse referrals take too long",
            "information sharing between agencies is poor", "the health visitor listened to us", "county lines in our estate",
            "mental health support is hard to get", "the police were kind", "we want more activities in the holidays",
            "i feel safe at home and at school", "teachers should listen more", "the early help worker made a difference"};
    private static final String[] AUDIENCES = {"children_young_people", "parents_carers", "staff", "training_attendees", "community"};
    private static final String[] CHANNELS = {"web", "api", "telegram", "import"};
    private static final String[] AGENCIES = {"police", "schools", "health", "social-care", "none"};

    @Inject
    SearchIndex index;
    @Inject
    SearchService service;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;

    @Test
    void millionAnswers() throws Exception {
        int n = Integer.getInteger("heard.bench.answers", 1_000_000);
        long t0 = System.nanoTime();
        index.bulkAdd(corpus(n));
        double indexSeconds = (System.nanoTime() - t0) / 1e9;

        var login = StaffTestData.create(accounts, "ANALYST");
        List<String> queries = List.of("q=grooming", "q=" + enc("\"waiting for help\"") + "&audience=children_young_people",
                "q=CSE&agency=police", "q=" + enc("bully* AND school") + "&from=2025-01-01&to=2025-12-31", "q=" + enc("social worker") + "&channel=web&sort=date");
        var api = new ArrayList<Long>();
        var bare = new ArrayList<Long>();
        var perQuery = new java.util.LinkedHashMap<String, List<Long>>();
        for (int round = -10; round < 40; round++) {
            if (round == 0) {
                // The first rounds warm up the JIT and the caches; only what follows is recorded.
                api.clear();
                bare.clear();
            }
            for (String q : queries) {
                long s = System.nanoTime();
                Map<String, Object> r = http.toBlocking().retrieve(login.sign(HttpRequest.GET("/api/v1/search?" + q)), Argument.mapOf(String.class, Object.class));
                api.add(System.nanoTime() - s);
                perQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(System.nanoTime() - s);
                assertTrue(((Number) r.get("total")).longValue() >= 0);
            }
            IndexSearcher searcher = index.acquire();
            try {
                for (String q : queries) {
                    var params = new java.util.HashMap<String, String>();
                    for (String kv : q.split("&")) {
                        String[] parts = kv.split("=", 2);
                        params.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                    }
                    var request = new SearchRequest(params.get("q"), params.get("audience"), null, null, params.get("agency"),
                            params.get("channel"), null, params.containsKey("from") ? LocalDate.parse(params.get("from")) : null,
                            params.containsKey("to") ? LocalDate.parse(params.get("to")) : null, 1, 20, false, null);
                    var query = service.build(request);
                    long s = System.nanoTime();
                    searcher.search(query, 20);
                    bare.add(System.nanoTime() - s);
                }
            } finally {
                index.release(searcher);
            }
        }
        var rows = new StringBuilder();
        perQuery.forEach((q, t) -> rows.append("| `").append(java.net.URLDecoder.decode(q, StandardCharsets.UTF_8)).append("` | ")
                .append("%.1f | %.1f |%n".formatted(pct(t, 50), pct(t, 95))));
        String report = """
                # Search benchmark

                %d synthetic free-text answers (varied sentences from children, parents and staff, with audience, channel,
                agency and month), indexed through the same document builder the service uses, on this 2-core machine.
                Recorded by `SearchBenchmark` on %s. Run: `mvn test -Dtest=SearchBenchmark -Dtest.groups=benchmark
                -Dtest.excludedGroups=none -Dmariadb.skip=true`.

                | measure | value |
                |---|---|
                | indexing rate | %,.0f answers/s (%.1f s in all, one commit) |
                | API search p50 (HTTP, filters, facets, snippets) | %.1f ms |
                | API search p95 | %.1f ms |
                | bare IndexSearcher p50 (the same Lucene queries, top 20) | %.2f ms |
                | bare IndexSearcher p95 | %.2f ms |

                | API query | p50 ms | p95 ms |
                |---|---|---|
                %s
                Target: API p95 under 50 ms, within 3x of bare Lucene: **not met**. The API does more than the bare search (facet
                counts over every hit, highlighting, JSON), so the ratio is the honest cost of those.
                Bare Lucene stops early once it has the top 20; the API counts every hit exactly and counts facets over
                all of them, which is what costs most on broad queries and on synonym-expanded phrases ("CSE" becomes
                "child sexual exploitation" OR "sexual exploitation" OR cse). Next steps: cache facet counts per reader
                for repeated searches, and count facets on a sample when the hits run to hundreds of thousands.
                Rebuild from the database is not measured at this size here: it reads responses in pages of 500.
                """.formatted(n, LocalDate.now(), n / indexSeconds, indexSeconds, pct(api, 50), pct(api, 95), pct(bare, 50), pct(bare, 95), rows);
        Files.createDirectories(Path.of("benchmarks/results"));
        Files.writeString(Path.of("benchmarks/results/search.md"), report);
        System.out.println(report);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static Iterable<AnswerDocuments.Answer> corpus(int n) {
        var random = new Random(42);
        Instant start = Instant.parse("2021-01-01T00:00:00Z");
        return () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public AnswerDocuments.Answer next() {
                i++;
                String text = OPENERS[random.nextInt(OPENERS.length)] + " " + TOPICS[random.nextInt(TOPICS.length)] + " and "
                        + TOPICS[random.nextInt(TOPICS.length)];
                return new AnswerDocuments.Answer(10_000_000L + i, "bench-" + random.nextInt(8), "q" + random.nextInt(3),
                        CHANNELS[random.nextInt(CHANNELS.length)], AGENCIES[random.nextInt(AGENCIES.length)],
                        start.plusSeconds(random.nextInt(5 * 365 * 86400)), text);
            }
        };
    }
}
