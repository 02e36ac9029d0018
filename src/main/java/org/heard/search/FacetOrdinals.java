package org.heard.search;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each counted facet dimension's value for every answer, laid out per segment as a plain array of
 * the segment's own value numbers. Counting a broad search's hits then costs one array read per hit
 * and dimension, where reading doc values costs a decode and a global ordinal lookup each time;
 * counting was the largest share of a search. A segment never changes once written (deletes only
 * hide answers, and hidden answers are never collected), so its arrays are built once, when a
 * searcher first sees it, and dropped when Lucene closes it. Four ints per answer: 16 MB at a
 * million answers.
 */
final class FacetOrdinals {
    private final List<String> dims;
    private final Map<Object, Segment> segments = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();

    FacetOrdinals(List<String> dims) {
        this.dims = List.copyOf(dims);
    }

    List<String> dims() {
        return dims;
    }

    /**
     * One segment's values.
     *
     * @param ords   per dimension, each document's value number in {@code labels}, or -1 for none
     * @param labels per dimension, the value each number stands for
     */
    record Segment(int[][] ords, String[][] labels) {
    }

    /** Builds the arrays of any segment not seen before: called as each new searcher opens, so searches never wait. */
    void warm(IndexReader reader) {
        for (LeafReaderContext leaf : reader.leaves()) {
            of(leaf.reader());
        }
    }

    Segment of(LeafReader leaf) {
        IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
        if (helper == null) {
            // Not a segment of our own index (never the case for the service's searchers): no caching.
            return build(leaf);
        }
        return segments.computeIfAbsent(helper.getKey(), key -> {
            helper.addClosedListener(segments::remove);
            return build(leaf);
        });
    }

    /** How many segments are held: for tests that a closed segment's arrays are let go. */
    int held() {
        return segments.size();
    }

    /** How many segments' arrays have been built: for tests that a segment's are built once. */
    int built() {
        return built.get();
    }

    private Segment build(LeafReader leaf) {
        built.incrementAndGet();
        try {
            int[][] ords = new int[dims.size()][];
            String[][] labels = new String[dims.size()][];
            for (int d = 0; d < dims.size(); d++) {
                SortedSetDocValues values = DocValues.getSortedSet(leaf, AnswerDocuments.facetField(dims.get(d)));
                int count = Math.toIntExact(values.getValueCount());
                // FacetsConfig keeps "dim<US>value"; a value without the separator names the dimension alone.
                String[] names = new String[count];
                for (int o = 0; o < count; o++) {
                    String path = values.lookupOrd(o).utf8ToString();
                    int cut = path.indexOf(FacetsConfig.DELIM_CHAR);
                    names[o] = cut < 0 ? null : path.substring(cut + 1);
                }
                int[] byDoc = new int[leaf.maxDoc()];
                Arrays.fill(byDoc, -1);
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    for (int i = 0; i < values.docValueCount(); i++) {
                        int o = (int) values.nextOrd();
                        if (names[o] != null && byDoc[doc] < 0) {
                            byDoc[doc] = o;
                        }
                    }
                }
                ords[d] = byDoc;
                labels[d] = names;
            }
            return new Segment(ords, labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
