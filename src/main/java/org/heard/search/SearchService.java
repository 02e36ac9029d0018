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
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
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
import org.heard.survey.SurveyConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

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
        Query text = text(r);
        Query query = build(r, text);
        try {
            IndexSearcher searcher = index.acquire();
            try {
                int from = (r.page() - 1) * r.size();
                Sort sort = r.byDate() ? new Sort(new SortField(AnswerDocuments.SUBMITTED, SortField.Type.LONG, true)) : Sort.RELEVANCE;
                FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query, from + r.size(), sort,
                        new FacetsCollectorManager());
                TopDocs top = result.topDocs();
                ReaderState state = state(searcher);
                ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(from, top.scoreDocs.length), top.scoreDocs.length);
                StoredFields stored = searcher.storedFields();
                var docs = new Document[page.length];
                var texts = new String[page.length];
                for (int i = 0; i < page.length; i++) {
                    docs[i] = stored.document(page[i].doc);
                    texts[i] = docs[i].get(AnswerDocuments.TEXT);
                }
                // Facet counting and highlighting need only what is read by now: they run side by side.
                List<String> dims = AnswerDocuments.facetDimensions();
                var work = new ArrayList<Callable<Object>>();
                for (String dim : dims) {
                    work.add(() -> count(state, result.facetsCollector(), dim));
                }
                int half = (page.length + 1) / 2;
                work.add(() -> Snippets.of(searcher, indexAnalyzer, state.text(), text, Arrays.copyOfRange(page, 0, half),
                        Arrays.copyOfRange(texts, 0, half)));
                work.add(() -> Snippets.of(searcher, indexAnalyzer, state.text(), text, Arrays.copyOfRange(page, half, page.length),
                        Arrays.copyOfRange(texts, half, page.length)));
                List<Object> done = searcher.getTaskExecutor().invokeAll(work);
                var facets = new LinkedHashMap<String, Map<String, Long>>();
                for (int i = 0; i < dims.size(); i++) {
                    @SuppressWarnings("unchecked")
                    var counts = (Map<String, Long>) done.get(i);
                    facets.put(dims.get(i), counts);
                }
                String[] first = (String[]) done.get(dims.size());
                String[] second = (String[]) done.get(dims.size() + 1);
                var hits = new ArrayList<SearchResult.Hit>(page.length);
                for (int i = 0; i < page.length; i++) {
                    Document d = docs[i];
                    hits.add(new SearchResult.Hit(Long.parseLong(d.get(AnswerDocuments.RESPONSE)), d.get(AnswerDocuments.SURVEY),
                            d.get(AnswerDocuments.QUESTION), d.get(AnswerDocuments.AUDIENCE), d.get(AnswerDocuments.CHANNEL),
                            Instant.ofEpochMilli(d.getField(AnswerDocuments.SUBMITTED).numericValue().longValue()),
                            i < half ? first[i] : second[i - half]));
                }
                return new SearchResult(top.totalHits.value(), hits, facets);
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

    /** The answers a request matched, each with the names of the extra queries it also matches. */
    public record Tagged(List<FoundAnswer> answers, List<java.util.Set<String>> tags) {
    }

    /**
     * Every answer a request matches, newest first, up to {@code limit}: what theme discovery and
     * theme reports work on. Paging and sorting in the request are ignored.
     */
    public List<FoundAnswer> all(SearchRequest r, int limit) {
        return allTagged(r, limit, Map.of()).answers();
    }

    /**
     * Like {@link #all}, and for each answer which of the named queries it matches, found from the
     * index in one pass per query. A named query that cannot be read matches nothing.
     */
    public Tagged allTagged(SearchRequest r, int limit, Map<String, String> named) {
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
                var tags = new ArrayList<java.util.Set<String>>(out.size());
                out.forEach(a -> tags.add(new java.util.LinkedHashSet<>()));
                for (var e : named.entrySet()) {
                    Query theme;
                    try {
                        theme = new BooleanQuery.Builder().add(parse(e.getValue()), BooleanClause.Occur.MUST)
                                .add(query, BooleanClause.Occur.FILTER).build();
                    } catch (BadQuery bad) {
                        continue;
                    }
                    var matches = searcher.search(theme, new MatchingDocs(searcher.getIndexReader().maxDoc()));
                    for (int i = 0; i < top.scoreDocs.length; i++) {
                        if (matches.get(top.scoreDocs[i].doc)) {
                            tags.get(i).add(e.getKey());
                        }
                    }
                }
                return new Tagged(out, tags);
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
        return build(r, text(r));
    }

    /** What a request looks for in the text: everything when it gives no words. */
    private Query text(SearchRequest r) {
        return r.q() == null || r.q().isBlank() ? new MatchAllDocsQuery() : parse(r.q());
    }

    private Query build(SearchRequest r, Query text) {
        var b = new BooleanQuery.Builder();
        b.add(text, BooleanClause.Occur.MUST);
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

    /**
     * What is worth keeping while the index reader stays the same: each counted dimension's facet
     * ordinals (costly to build; none for a dimension the index holds no values of yet) and the text
     * field's merged info (read by every highlight).
     */
    private record ReaderState(IndexReader reader, Map<String, SortedSetDocValuesReaderState> facets, FieldInfo text) {
    }

    private volatile ReaderState readerState;

    private ReaderState state(IndexSearcher searcher) throws IOException {
        ReaderState current = readerState;
        IndexReader reader = searcher.getIndexReader();
        if (current == null || current.reader() != reader) {
            var facets = new HashMap<String, SortedSetDocValuesReaderState>();
            for (String dim : AnswerDocuments.facetDimensions()) {
                try {
                    facets.put(dim, new DefaultSortedSetDocValuesReaderState(reader, AnswerDocuments.facetField(dim), AnswerDocuments.FACETS));
                } catch (IllegalArgumentException e) {
                    // No answer has a value for it yet.
                }
            }
            current = new ReaderState(reader, facets, FieldInfos.getMergedFieldInfos(reader).fieldInfo(AnswerDocuments.TEXT));
            readerState = current;
        }
        return current;
    }

    /** Every hit counted under one dimension's values, the 50 largest first. */
    private static Map<String, Long> count(ReaderState state, FacetsCollector fc, String dim) throws IOException {
        var values = new LinkedHashMap<String, Long>();
        SortedSetDocValuesReaderState dimState = state.facets().get(dim);
        if (dimState != null) {
            FacetResult res = new SortedSetDocValuesFacetCounts(dimState, fc).getTopChildren(50, dim);
            if (res != null) {
                for (LabelAndValue lv : res.labelValues) {
                    values.put(lv.label, lv.value.longValue());
                }
            }
        }
        return values;
    }

}
