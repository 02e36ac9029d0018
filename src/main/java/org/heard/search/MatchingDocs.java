package org.heard.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.FixedBitSet;

import java.util.Collection;

/**
 * Marks every document a query matches, reading postings only: no scores, no stored text. How a
 * theme's query tags thousands of answers at the cost of a search, not of loading each answer.
 */
final class MatchingDocs implements CollectorManager<MatchingDocs.Marker, FixedBitSet> {
    private final int maxDoc;

    MatchingDocs(int maxDoc) {
        this.maxDoc = maxDoc;
    }

    static final class Marker extends SimpleCollector {
        private final FixedBitSet bits;
        private int base;

        Marker(FixedBitSet bits) {
            this.bits = bits;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) {
            base = context.docBase;
        }

        @Override
        public void collect(int doc) {
            bits.set(base + doc);
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }

    @Override
    public Marker newCollector() {
        return new Marker(new FixedBitSet(Math.max(1, maxDoc)));
    }

    @Override
    public FixedBitSet reduce(Collection<Marker> collectors) {
        var out = new FixedBitSet(Math.max(1, maxDoc));
        collectors.forEach(c -> out.or(c.bits));
        return out;
    }
}
