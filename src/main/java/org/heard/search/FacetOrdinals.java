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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each counted facet dimension's value for every answer, laid out per segment so that counting a
 * broad search's hits costs one array read and one increment per hit. The dimensions' values are
 * few (a handful of audiences and agencies, tens of surveys and months), and far fewer combinations
 * of them occur than there are answers, so each answer holds the number of its combination and the
 * combination says each dimension's value: counts by combination are turned into counts by value once
 * per segment, not once per hit. Reading doc values instead costs a decode and a global ordinal lookup
 * per hit and dimension; counting was the largest share of a search. Should a segment hold more
 * combinations than {@value #MOST_COMBINATIONS}, each dimension gets an array of its own.
 * A segment never changes once written (deletes only hide answers, and hidden answers are never
 * collected), so its arrays are built once, when a merge writes it or a searcher first sees it, and
 * dropped when Lucene closes it. One int per answer: 4 MB at a million answers.
 */
final class FacetOrdinals {
    static final int MOST_COMBINATIONS = 1 << 16;
    private final List<String> dims;
    private final int mostCombinations;
    private final Map<Object, Segment> segments = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();

    FacetOrdinals(List<String> dims) {
        this(dims, MOST_COMBINATIONS);
    }

    /** With another limit on combinations: tests use a small one to try the array per dimension. */
    FacetOrdinals(List<String> dims, int mostCombinations) {
        this.dims = List.copyOf(dims);
        this.mostCombinations = mostCombinations;
    }

    List<String> dims() {
        return dims;
    }

    /**
     * One segment's values, in one or more groups of dimensions.
     *
     * @param groups each group's combination number for every document
     * @param values per group, per combination, the value number of each dimension (-1 for none); a
     *               group covers every dimension, or one
     * @param labels per dimension, the value each value number stands for
     */
    record Segment(int[][] groups, int[][][] values, String[][] labels) {
        /** The dimension a group's n-th value belongs to. */
        int dim(int group, int n) {
            return groups.length == 1 ? n : group;
        }
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
            Segment combined = combined(ords, labels, leaf.maxDoc());
            return combined != null ? combined : separate(ords, labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every dimension in one group, or null when the segment holds too many combinations. */
    private Segment combined(int[][] ords, String[][] labels, int maxDoc) {
        // A combination's key: each dimension's value number plus one (0 for none), in mixed radix.
        long[] radix = new long[ords.length];
        long size = 1;
        for (int d = 0; d < ords.length; d++) {
            radix[d] = size;
            try {
                size = Math.multiplyExact(size, labels[d].length + 1L);
            } catch (ArithmeticException e) {
                return null;
            }
        }
        var numbers = new HashMap<Long, Integer>();
        var combinations = new ArrayList<int[]>();
        int[] byDoc = new int[maxDoc];
        for (int doc = 0; doc < maxDoc; doc++) {
            long key = 0;
            for (int d = 0; d < ords.length; d++) {
                key += (ords[d][doc] + 1) * radix[d];
            }
            Integer number = numbers.get(key);
            if (number == null) {
                if (combinations.size() == mostCombinations) {
                    return null;
                }
                number = combinations.size();
                numbers.put(key, number);
                int[] values = new int[ords.length];
                for (int d = 0; d < ords.length; d++) {
                    values[d] = ords[d][doc];
                }
                combinations.add(values);
            }
            byDoc[doc] = number;
        }
        return new Segment(new int[][] {byDoc}, new int[][][] {combinations.toArray(int[][]::new)}, labels);
    }

    /** A group per dimension: combination n is value n - 1, so that 0 is none. */
    private static Segment separate(int[][] ords, String[][] labels) {
        int[][] groups = new int[ords.length][];
        int[][][] values = new int[ords.length][][];
        for (int d = 0; d < ords.length; d++) {
            groups[d] = new int[ords[d].length];
            for (int doc = 0; doc < ords[d].length; doc++) {
                groups[d][doc] = ords[d][doc] + 1;
            }
            values[d] = new int[labels[d].length + 1][];
            for (int n = 0; n < values[d].length; n++) {
                values[d][n] = new int[] {n - 1};
            }
        }
        return new Segment(groups, values, labels);
    }
}
