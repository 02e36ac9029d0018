package org.heard.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facet counter gives exactly what Lucene's own facet counting gives, over several segments and deletes; a merge builds its segment's arrays. */
class FacetCounterTest {
    private static final List<String> DIMS = AnswerDocuments.facetDimensions();

    @Test
    void countsAsLuceneDoesAcrossSegmentsAndDeletes() throws Exception {
        var ordinals = new FacetOrdinals(DIMS);
        try (var dir = new ByteBuffersDirectory();
             var writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMergedSegmentWarmer(ordinals::of))) {
            fill(writer);
            var slices = new SlicedSearchers(ordinals);
            var searchers = new SearcherManager(writer, slices);
            IndexSearcher searcher = searchers.acquire();
            try {
                for (var leaf : searcher.getIndexReader().leaves()) {
                    assertEquals(1, ordinals.of(leaf.reader()).groups().length, "the four dimensions' combinations in one array");
                }
                countsAsLucene(searcher, ordinals);
            } finally {
                searchers.release(searcher);
            }
            // A merged segment's arrays are built by the merge, not by the refresh that first shows it;
            // segments merged away are let go of, with their arrays.
            int before = ordinals.held();
            int built = ordinals.built();
            writer.forceMerge(1);
            assertEquals(built + 1, ordinals.built(), "the merge built the merged segment's arrays");
            searchers.maybeRefreshBlocking();
            assertEquals(built + 1, ordinals.built(), "the refresh found them built");
            searchers.close();
            slices.close();
            assertTrue(before > 1);
            assertEquals(1, ordinals.held());
        }
    }

    @Test
    void countsAsLuceneDoesWithAnArrayPerDimension() throws Exception {
        // Fewer combinations allowed than the segments hold: each dimension gets its own array.
        var ordinals = new FacetOrdinals(DIMS, 100);
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            fill(writer);
            try (var slices = new SlicedSearchers(ordinals); var searchers = new SearcherManager(writer, slices)) {
                IndexSearcher searcher = searchers.acquire();
                try {
                    for (var leaf : searcher.getIndexReader().leaves()) {
                        assertEquals(DIMS.size(), ordinals.of(leaf.reader()).groups().length, "an array per dimension");
                    }
                    countsAsLucene(searcher, ordinals);
                } finally {
                    searchers.release(searcher);
                }
            }
        }
    }

    /** 3,000 answers in several segments, some without an agency, one in eleven deleted. */
    private static void fill(IndexWriter writer) throws Exception {
        var random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            var doc = new Document();
            doc.add(new StringField("id", "d" + i, Field.Store.NO));
            doc.add(new StringField("word", i % 3 == 0 ? "park" : "bus", Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(AnswerDocuments.AUDIENCE, List.of("children", "parents", "staff").get(random.nextInt(3))));
            // More survey values than the top 50 a facet shows, some tied.
            doc.add(new SortedSetDocValuesFacetField(AnswerDocuments.SURVEY, "survey-" + random.nextInt(70)));
            if (i % 5 != 0) {
                doc.add(new SortedSetDocValuesFacetField(AnswerDocuments.AGENCY, List.of("police", "health").get(random.nextInt(2))));
            }
            doc.add(new SortedSetDocValuesFacetField(AnswerDocuments.MONTH, "2025-" + (10 + random.nextInt(3))));
            writer.addDocument(AnswerDocuments.FACETS.build(doc));
            if (i % 700 == 0) {
                writer.flush();
            }
        }
        for (int i = 0; i < 3_000; i += 11) {
            writer.deleteDocuments(new Term("id", "d" + i));
        }
    }

    private static void countsAsLucene(IndexSearcher searcher, FacetOrdinals ordinals) throws Exception {
        assertTrue(searcher.getIndexReader().leaves().size() > 1, "several segments");
        for (Query q : List.of(new MatchAllDocsQuery(), new TermQuery(new Term("word", "park")))) {
            FacetCounter.Counted got = searcher.search(q, new FacetCounter(ordinals));
            var counts = got.facets();
            var lucene = FacetsCollectorManager.search(searcher, q, 5, new FacetsCollectorManager());
            assertEquals(lucene.topDocs().totalHits.value(), got.total());
            for (String dim : DIMS) {
                var state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), AnswerDocuments.facetField(dim),
                        AnswerDocuments.FACETS);
                FacetResult expected = new SortedSetDocValuesFacetCounts(state, lucene.facetsCollector()).getTopChildren(50, dim);
                var want = new LinkedHashMap<String, Long>();
                for (LabelAndValue lv : expected.labelValues) {
                    want.put(lv.label, lv.value.longValue());
                }
                assertEquals(want, counts.get(dim), dim);
                assertEquals(List.copyOf(want.keySet()), List.copyOf(counts.get(dim).keySet()), dim + " in Lucene's order");
            }
            assertEquals(50, counts.get(AnswerDocuments.SURVEY).size(), "only the top 50 values of a dimension");
        }
    }
}
