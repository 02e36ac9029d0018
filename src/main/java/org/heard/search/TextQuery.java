package org.heard.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;

/**
 * A search query read once and then tried against single texts, with the same analysis and
 * safeguarding synonyms as search itself: how a theme's query tags new answers without waiting for
 * the index.
 */
public final class TextQuery {
    private final Query query;
    private final Analyzer analyzer;

    /** @param analyzer the index's own analysis, so the query's vocabulary tokens are there to match */
    TextQuery(Query query, Analyzer analyzer) {
        this.query = query;
        this.analyzer = analyzer;
    }

    public boolean matches(String text) {
        var memory = new MemoryIndex();
        memory.addField(AnswerDocuments.TEXT, text, analyzer);
        return memory.search(query) > 0;
    }
}
