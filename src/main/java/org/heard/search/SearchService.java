package org.heard.search;

import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.heard.survey.SurveyConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs searches against the index: query, filters, facet counts, highlighted snippets, paging. */
@Singleton
public class SearchService {
    private final SearchIndex index;
    private final Vocabulary vocabulary;
    private final Analyzer indexAnalyzer;
    private final SurveyConfiguration surveys;

    SearchService(SearchIndex index, Vocabulary vocabulary, SurveyConfiguration surveys) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.surveys = surveys;
        this.indexAnalyzer = vocabulary.index();
    }

    /** A query a person typed that Lucene cannot read; the message says what to change. */
    public static class BadQuery extends RuntimeException {
        BadQuery(String message) {
            super(message);
        }
    }

    public SearchResult search(SearchRequest r) {
        Query query = build(r);
        try {
            IndexSearcher searcher = index.acquire();
            try {
                int from = (r.page() - 1) * r.size();
                Sort sort = r.byDate() ? new Sort(new SortField(AnswerDocuments.SUBMITTED, SortField.Type.LONG, true)) : Sort.RELEVANCE;
                FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, from + r.size(), sort,
                        new FacetsCollectorManager());
                TopDocs top = result.topDocs();
                var hits = new ArrayList<SearchResult.Hit>();
                ScoreDoc[] docs = top.scoreDocs;
                String[] snippets = snippets(searcher, query, top, from);
                for (int i = from; i < docs.length; i++) {
                    Document d = searcher.storedFields().document(docs[i].doc);
                    hits.add(new SearchResult.Hit(Long.parseLong(d.get(AnswerDocuments.RESPONSE)), d.get(AnswerDocuments.SURVEY),
                            d.get(AnswerDocuments.QUESTION), d.get(AnswerDocuments.AUDIENCE), d.get(AnswerDocuments.CHANNEL),
                            Instant.ofEpochMilli(d.getField(AnswerDocuments.SUBMITTED).numericValue().longValue()), snippets[i - from]));
                }
                return new SearchResult(top.totalHits.value(), hits, facets(searcher, result.facetsCollector()));
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a query to try against single texts.
     *
     * @throws BadQuery when it cannot be read
     */
    public TextQuery compile(String q) {
        return new TextQuery(parse(q), indexAnalyzer);
    }

    /**
     * Every answer a request matches, newest first, up to {@code limit}: what theme discovery and
     * theme reports work on. Paging and sorting in the request are ignored.
     */
    public java.util.List<FoundAnswer> all(SearchRequest r, int limit) {
        Query query = build(r);
        try {
            IndexSearcher searcher = index.acquire();
            try {
                TopDocs top = searcher.search(query, Math.max(1, limit),
                        new Sort(new SortField(AnswerDocuments.SUBMITTED, SortField.Type.LONG, true)));
                var out = new ArrayList<FoundAnswer>(top.scoreDocs.length);
                var stored = searcher.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    String agency = d.get(AnswerDocuments.AGENCY);
                    out.add(new FoundAnswer(Long.parseLong(d.get(AnswerDocuments.RESPONSE)), d.get(AnswerDocuments.SURVEY),
                            d.get(AnswerDocuments.QUESTION), d.get(AnswerDocuments.AUDIENCE), d.get(AnswerDocuments.CHANNEL),
                            "none".equals(agency) ? null : agency,
                            Instant.ofEpochMilli(d.getField(AnswerDocuments.SUBMITTED).numericValue().longValue()), d.get(AnswerDocuments.TEXT)));
                }
                return out;
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String q) {
        try {
            return vocabulary.parse(q);
        } catch (ParseException | IllegalArgumentException e) {
            throw new BadQuery("The search could not be read. Check quotes and brackets are closed, and AND, OR and NOT "
                    + "have words either side. Use * only at the end of a word.");
        }
    }

    /** The Lucene query a request runs: also used by the benchmark to time bare Lucene on the same query. */
    Query build(SearchRequest r) {
        var b = new BooleanQuery.Builder();
        if (r.q() == null || r.q().isBlank()) {
            b.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        } else {
            b.add(parse(r.q()), BooleanClause.Occur.MUST);
        }
        filter(b, AnswerDocuments.AUDIENCE, r.audience());
        filter(b, AnswerDocuments.SURVEY, r.survey());
        filter(b, AnswerDocuments.QUESTION, r.question());
        filter(b, AnswerDocuments.AGENCY, r.agency());
        filter(b, AnswerDocuments.CHANNEL, r.channel());
        filter(b, AnswerDocuments.MEASURE, r.measure());
        if (r.agencyScope() != null) {
            b.add(new TermQuery(new Term(AnswerDocuments.AGENCY, r.agencyScope())), BooleanClause.Occur.FILTER);
        }
        if (r.from() != null || r.to() != null) {
            long lo = r.from() == null ? Long.MIN_VALUE : r.from().atStartOfDay(surveys.zone()).toInstant().toEpochMilli();
            long hi = r.to() == null ? Long.MAX_VALUE : r.to().plusDays(1).atStartOfDay(surveys.zone()).toInstant().toEpochMilli() - 1;
            b.add(LongPoint.newRangeQuery(AnswerDocuments.SUBMITTED, lo, hi), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    private static void filter(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) {
            b.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
        }
    }

    private String[] snippets(IndexSearcher searcher, Query query, TopDocs top, int from) throws IOException {
        int n = Math.max(0, top.scoreDocs.length - from);
        var page = new TopDocs(top.totalHits, java.util.Arrays.copyOfRange(top.scoreDocs, from, from + n));
        var highlighter = UnifiedHighlighter.builder(searcher, indexAnalyzer)
                // escape=true: the answer's own text is HTML-escaped; only our <mark> tags are markup.
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxLength(10_000)
                .build();
        String[] out = highlighter.highlight(AnswerDocuments.TEXT, query, page, 2);
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                // No highlight (a filter-only search): show the start of the answer, escaped.
                String text = searcher.storedFields().document(page.scoreDocs[i].doc).get(AnswerDocuments.TEXT);
                out[i] = escape(text.length() > 240 ? text.substring(0, 240) + "…" : text);
            }
        }
        return out;
    }

    static String escape(String s) {
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#x27;");
                case '/' -> sb.append("&#x2F;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The facet ordinals of one index reader; building them is costly, so they are kept until the reader changes. */
    private record FacetState(org.apache.lucene.index.IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private volatile FacetState facetState;

    private SortedSetDocValuesReaderState state(IndexSearcher searcher) throws IOException {
        FacetState current = facetState;
        if (current == null || current.reader() != searcher.getIndexReader()) {
            current = new FacetState(searcher.getIndexReader(),
                    new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), AnswerDocuments.FACETS));
            facetState = current;
        }
        return current.state();
    }

    private Map<String, Map<String, Long>> facets(IndexSearcher searcher, FacetsCollector fc) throws IOException {
        var out = new LinkedHashMap<String, Map<String, Long>>();
        SortedSetDocValuesReaderState state;
        try {
            state = state(searcher);
        } catch (IllegalArgumentException e) {
            // An empty index has no facet fields yet.
            AnswerDocuments.facetDimensions().forEach(d -> out.put(d, Map.of()));
            return out;
        }
        var counts = new SortedSetDocValuesFacetCounts(state, fc);
        for (String dim : AnswerDocuments.facetDimensions()) {
            var values = new LinkedHashMap<String, Long>();
            FacetResult res = counts.getTopChildren(50, dim);
            if (res != null) {
                for (LabelAndValue lv : res.labelValues) {
                    values.put(lv.label, lv.value.longValue());
                }
            }
            out.put(dim, values);
        }
        return out;
    }

}
