package org.heard.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The counting pass alone, on one thread: every hit counted under the four facet dimensions, with
 * the dimensions' combinations in one array per segment (as shipped) against an array per
 * dimension, on the same 1,000,000 answers, taking turns so both meet the same machine.
 * Results go to benchmarks/results/facet-counting.md.
 * Run: {@code mvn test -Dtest=FacetCountingBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true -Dtest.heap=}
 */
@Tag("benchmark")
class FacetCountingBenchmark {
    private static final int ANSWERS = 1_000_000;
    private static final int ROUNDS = 300;

    @Test
    void combinationsAgainstAnArrayPerDimension() throws Exception {
        var random = new Random(7);
        List<String> dims = AnswerDocuments.facetDimensions();
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            // As the search benchmark's corpus: four audiences, surveys, five agencies or none, 22 months.
            for (int i = 0; i < ANSWERS; i++) {
                var doc = new Document();
                doc.add(new StringField("tenth", "t" + random.nextInt(10), Field.Store.NO));
                doc.add(new StringField("hundredth", "h" + random.nextInt(100), Field.Store.NO));
                doc.add(new SortedSetDocValuesFacetField(AnswerDocuments.AUDIENCE, "audience-" + random.nextInt(4)));
                doc.add(new SortedSetDocValuesFacetField(AnswerDocuments.SURVEY, "survey-" + random.nextInt(4)));
                int agency = random.nextInt(6);
                if (agency < 5) {
                    doc.add(new SortedSetDocValuesFacetField(AnswerDocuments.AGENCY, "agency-" + agency));
                }
                doc.add(new SortedSetDocValuesFacetField(AnswerDocuments.MONTH, "month-" + random.nextInt(22)));
                writer.addDocument(AnswerDocuments.FACETS.build(doc));
            }
            writer.forceMerge(4);
            try (var reader = DirectoryReader.open(writer)) {
                var combined = new FacetOrdinals(dims);
                var separate = new FacetOrdinals(dims, 0);
                combined.warm(reader);
                separate.warm(reader);
                var searcher = new IndexSearcher(reader);
                Map<String, Query> queries = new LinkedHashMap<>();
                queries.put("every answer", new MatchAllDocsQuery());
                queries.put("one answer in ten", new TermQuery(new Term("tenth", "t3")));
                queries.put("one answer in a hundred", new TermQuery(new Term("hundredth", "h42")));
                var rows = new StringBuilder();
                for (var q : queries.entrySet()) {
                    assertEquals(searcher.search(q.getValue(), new FacetCounter(separate)), searcher.search(q.getValue(), new FacetCounter(combined)),
                            "both layouts count the same");
                    long[] one = new long[ROUNDS];
                    long[] perDim = new long[ROUNDS];
                    // Unrecorded rounds first, for the JIT; then turn about.
                    for (int k = 0; k < 100; k++) {
                        searcher.search(q.getValue(), new FacetCounter(combined));
                        searcher.search(q.getValue(), new FacetCounter(separate));
                    }
                    long hits = 0;
                    for (int k = 0; k < ROUNDS; k++) {
                        long t0 = System.nanoTime();
                        hits = searcher.search(q.getValue(), new FacetCounter(combined)).total();
                        long t1 = System.nanoTime();
                        searcher.search(q.getValue(), new FacetCounter(separate));
                        long t2 = System.nanoTime();
                        one[k] = t1 - t0;
                        perDim[k] = t2 - t1;
                    }
                    rows.append("| %s | %d | %.2f / %.2f | %.2f / %.2f |%n".formatted(q.getKey(), hits, ms(one, 50), ms(one, 95),
                            ms(perDim, 50), ms(perDim, 95)));
                    System.out.println(rows);
                }
                String report = """
                        # Facet counting benchmark

                        The search's counting pass alone (`FacetCounter`), on one thread, over %,d answers (%s), on
                        this 2-core machine. Recorded by `FacetCountingBenchmark` on %s. The two layouts take turns, %d
                        timed rounds each after 100 unrecorded ones, so both meet the same machine.
                        Run: `mvn test -Dtest=FacetCountingBenchmark -Dtest.groups=benchmark -Dtest.excludedGroups=none -Dmariadb.skip=true -Dtest.heap=`

                        | query | hits | combinations in one array p50 / p95 ms | an array per dimension p50 / p95 ms |
                        |---|---|---|---|
                        %s
                        Memory: one int per answer for the combinations (%.1f MB here), four for an array per dimension (%.1f MB).
                        """.formatted(ANSWERS,
                        reader.leaves().size() == 1 ? "one segment" : reader.leaves().size() + " segments", LocalDate.now(), ROUNDS, rows, ANSWERS * 4 / 1e6, ANSWERS * 16 / 1e6);
                Files.createDirectories(Path.of("benchmarks/results"));
                Files.writeString(Path.of("benchmarks/results/facet-counting.md"), report);
                System.out.println(report);
            }
        }
    }

    private static double ms(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
