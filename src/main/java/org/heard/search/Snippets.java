package org.heard.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Highlighted snippets for one page of hits. Offsets come from the index's postings, and each
 * answer's text from the stored document the caller has already read, so no answer is read or
 * analysed twice.
 */
final class Snippets {
    private static final PassageScorer SCORER = new LeanScorer();

    /** Past this many words a prefix stands for, it is highlighted the slow way, by analysing each answer again. */
    static final int MOST_WORDS = 64;

    private Snippets() {
    }

    /**
     * The query to highlight with: each prefix or wildcard ({@code bully*}) replaced by the indexed
     * words it matches. The highlighter can take a plain word's offsets straight from the postings,
     * but for a prefix it analyses every answer on the page again, which made prefix searches the
     * largest allocators of all. What matches is unchanged: this only decides which words are marked.
     */
    static Query markable(Query query, IndexReader reader) throws IOException {
        if (query instanceof BooleanQuery b) {
            var out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
            for (BooleanClause c : b.clauses()) {
                out.add(markable(c.query(), reader), c.occur());
            }
            return out.build();
        }
        if (query instanceof BoostQuery boosted) {
            return new BoostQuery(markable(boosted.getQuery(), reader), boosted.getBoost());
        }
        if (query instanceof AutomatonQuery pattern) {
            var words = new TreeSet<BytesRef>();
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(pattern.getField());
                if (terms == null) {
                    continue;
                }
                TermsEnum matching = pattern.getCompiled().getTermsEnum(terms);
                for (BytesRef word = matching.next(); word != null; word = matching.next()) {
                    if (words.add(BytesRef.deepCopyOf(word)) && words.size() > MOST_WORDS) {
                        return query;
                    }
                }
            }
            var out = new BooleanQuery.Builder();
            for (BytesRef word : words) {
                out.add(new TermQuery(new Term(pattern.getField(), word)), BooleanClause.Occur.SHOULD);
            }
            return out.build();
        }
        return query;
    }

    /**
     * Lucene's passage score (BM25 over the query terms a passage holds, favouring early passages),
     * worked out without the hash table Lucene's own version builds for every passage it looks at:
     * those tables were the largest share of what a search allocated. A passage holds few matches, so
     * telling its distinct terms apart by comparing them directly is cheaper than hashing.
     */
    static final class LeanScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] inDoc = passage.getMatchTermFreqsInDoc();
            float score = 0;
            for (int i = 0; i < matches; i++) {
                if (seenBefore(terms, i)) {
                    continue;
                }
                int inPassage = 1;
                for (int j = i + 1; j < matches; j++) {
                    if (terms[j].bytesEquals(terms[i])) {
                        inPassage++;
                    }
                }
                score += tf(inPassage, passage.getLength()) * weight(contentLength, inDoc[i]);
            }
            return score * norm(passage.getStartOffset());
        }

        private static boolean seenBefore(BytesRef[] terms, int i) {
            for (int j = 0; j < i; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * @param textQuery what was searched for in the text (no filters: they never mark words), as {@link #markable} gives it
     * @param textField the text field's merged info, kept per reader; null to look it up
     * @param texts     each hit's stored text, in page order
     * @return each hit's snippet: HTML-escaped text with only {@code <mark>} added
     */
    static String[] of(IndexSearcher searcher, Analyzer analyzer, FieldInfo textField, Query textQuery, ScoreDoc[] page,
                       String[] texts) throws IOException {
        if (page.length == 0) {
            return new String[0];
        }
        var byDoc = new HashMap<Integer, String>();
        for (int i = 0; i < page.length; i++) {
            byDoc.put(page[i].doc, texts[i]);
        }
        var builder = UnifiedHighlighter.builder(searcher, analyzer)
                // escape=true: the answer's own text is HTML-escaped; only our <mark> tags are markup.
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(10_000)
                .withScorer(SCORER);
        String[] out = new PageHighlighter(builder, textField, byDoc)
                .highlight(AnswerDocuments.TEXT, textQuery, new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), 2);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                // No highlight: show the start of the answer, escaped.
                String text = texts[i];
                out[i] = SearchService.escape(text.length() > 240 ? text.substring(0, 240) + "…" : text);
            }
        }
        return out;
    }

    private static final class PageHighlighter extends UnifiedHighlighter {
        private final FieldInfo textField;
        private final Map<Integer, String> texts;

        PageHighlighter(Builder builder, FieldInfo textField, Map<Integer, String> texts) {
            super(builder);
            this.textField = textField;
            this.texts = texts;
        }

        @Override
        protected FieldInfo getFieldInfo(String field) {
            return textField != null && field.equals(textField.name) ? textField : super.getFieldInfo(field);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
            var out = new ArrayList<CharSequence[]>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                var values = new CharSequence[fields.length];
                for (int f = 0; f < fields.length; f++) {
                    values[f] = fields[f].equals(AnswerDocuments.TEXT) ? texts.get(doc) : null;
                }
                out.add(values);
            }
            return out;
        }
    }
}
