package org.heard.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts every hit, and every hit under each facet dimension's values (see {@link FacetOrdinals}),
 * without scoring: a scored pass for the page can then stop early, as bare Lucene does, while this
 * one still sees every hit. Answers: the number of hits and, per dimension, the {@value #TOP}
 * commonest values, largest count first and then by name.
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counts, FacetCounter.Counted> {
    static final int TOP = 50;
    private final FacetOrdinals ordinals;

    FacetCounter(FacetOrdinals ordinals) {
        this.ordinals = ordinals;
    }

    @Override
    public Counts newCollector() {
        return new Counts(ordinals);
    }

    /** Every hit counted: how many, and by each dimension's commonest values. */
    record Counted(long total, Map<String, Map<String, Long>> facets) {
    }

    @Override
    public Counted reduce(Collection<Counts> collectors) {
        List<String> dims = ordinals.dims();
        long hits = 0;
        for (Counts c : collectors) {
            hits += c.hits;
        }
        var out = new LinkedHashMap<String, Map<String, Long>>();
        for (int d = 0; d < dims.size(); d++) {
            var total = new HashMap<String, Long>();
            for (Counts c : collectors) {
                c.byLabel.get(d).forEach((label, n) -> total.merge(label, n, Long::sum));
            }
            var top = new LinkedHashMap<String, Long>();
            total.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP)
                    .forEach(e -> top.put(e.getKey(), e.getValue()));
            out.put(dims.get(d), top);
        }
        return new Counted(hits, out);
    }

    /** One slice's counts, by value name, across the segments it searched. */
    static final class Counts implements Collector {
        private final FacetOrdinals ordinals;
        private final List<Map<String, Long>> byLabel = new ArrayList<>();
        private long hits;

        Counts(FacetOrdinals ordinals) {
            this.ordinals = ordinals;
            ordinals.dims().forEach(d -> byLabel.add(new HashMap<>()));
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) {
            FacetOrdinals.Segment segment = ordinals.of(context.reader());
            int[][] groups = segment.groups();
            int[][] counts = new int[groups.length][];
            for (int g = 0; g < groups.length; g++) {
                counts[g] = new int[segment.values()[g].length];
            }
            if (groups.length == 1) {
                // Every dimension in one group: a hit is one increment.
                int[] byDoc = groups[0];
                int[] one = counts[0];
                return new SegmentCounts(segment, counts) {
                    @Override
                    public void collect(int doc) {
                        one[byDoc[doc]]++;
                    }
                };
            }
            return new SegmentCounts(segment, counts) {
                @Override
                public void collect(int doc) {
                    for (int g = 0; g < groups.length; g++) {
                        counts[g][groups[g][doc]]++;
                    }
                }
            };
        }

        /** One segment's counts by combination, per group, added to the slice's when the segment is done. */
        private abstract class SegmentCounts implements LeafCollector {
            private final FacetOrdinals.Segment segment;
            private final int[][] counts;

            SegmentCounts(FacetOrdinals.Segment segment, int[][] counts) {
                this.segment = segment;
                this.counts = counts;
            }

            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void finish() {
                add(segment, counts);
            }
        }

        /** A segment's counts by combination, turned into hits and counts by value name. */
        private void add(FacetOrdinals.Segment segment, int[][] counts) {
            int[][] byValue = new int[segment.labels().length][];
            for (int d = 0; d < byValue.length; d++) {
                byValue[d] = new int[segment.labels()[d].length];
            }
            for (int g = 0; g < counts.length; g++) {
                int[][] values = segment.values()[g];
                for (int c = 0; c < counts[g].length; c++) {
                    int n = counts[g][c];
                    if (n == 0) {
                        continue;
                    }
                    if (g == 0) {
                        // Every hit has exactly one combination in each group: the first group's counts sum to the hits.
                        hits += n;
                    }
                    for (int k = 0; k < values[c].length; k++) {
                        int o = values[c][k];
                        if (o >= 0) {
                            byValue[segment.dim(g, k)][o] += n;
                        }
                    }
                }
            }
            for (int d = 0; d < byValue.length; d++) {
                String[] labels = segment.labels()[d];
                for (int o = 0; o < byValue[d].length; o++) {
                    if (byValue[d][o] > 0) {
                        byLabel.get(d).merge(labels[o], (long) byValue[d][o], Long::sum);
                    }
                }
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
