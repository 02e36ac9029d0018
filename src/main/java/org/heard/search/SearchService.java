package org.heard.search;

import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.heard.survey.SurveyConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
                int wanted = Math.max(1, from + r.size());
                // Two passes over the same point-in-time view. The page's pass scores and may skip hits
                // that cannot reach the page, as bare Lucene does; the counting pass sees every hit for the
                // total and the facets but scores none, which for a phrase means stopping at its first match.
                CollectorManager<?, ? extends TopDocs> topManager = r.byDate()
                        ? new TopFieldCollectorManager(new Sort(new SortField(AnswerDocuments.SUBMITTED, SortField.Type.LONG, true)), wanted,
                        wanted)
                        : new TopScoreDocCollectorManager(wanted, wanted);
                TopDocs top = searcher.search(query, topManager);
                FacetCounter.Counted counted = searcher.search(query, new FacetCounter(index.ordinals()));
                FieldInfo textField = textField(searcher);
                ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(from, top.scoreDocs.length), top.scoreDocs.length);
                StoredFields stored = searcher.storedFields();
                var docs = new Document[page.length];
                var texts = new String[page.length];
                for (int i = 0; i < page.length; i++) {
                    docs[i] = stored.document(page[i].doc);
                    texts[i] = docs[i].get(AnswerDocuments.TEXT);
                }
                // The page's two halves are highlighted side by side.
                int half = (page.length + 1) / 2;
                Query marked = page.length == 0 ? text : Snippets.markable(text, searcher.getIndexReader());
                var work = new ArrayList<Callable<String[]>>();
                work.add(() -> Snippets.of(searcher, indexAnalyzer, textField, marked, Arrays.copyOfRange(page, 0, half),
                        Arrays.copyOfRange(texts, 0, half)));
                work.add(() -> Snippets.of(searcher, indexAnalyzer, textField, marked, Arrays.copyOfRange(page, half, page.length),
                        Arrays.copyOfRange(texts, half, page.length)));
                List<String[]> done = searcher.getTaskExecutor().invokeAll(work);
                String[] first = done.get(0);
                String[] second = done.get(1);
                var hits = new ArrayList<SearchResult.Hit>(page.length);
                for (int i = 0; i < page.length; i++) {
                    Document d = docs[i];
                    hits.add(new SearchResult.Hit(Long.parseLong(d.get(AnswerDocuments.RESPONSE)), d.get(AnswerDocuments.SURVEY),
                            d.get(AnswerDocuments.QUESTION), d.get(AnswerDocuments.AUDIENCE), d.get(AnswerDocuments.CHANNEL),
                            Instant.ofEpochMilli(d.getField(AnswerDocuments.SUBMITTED).numericValue().longValue()),
                            i < half ? first[i] : second[i - half]));
                }
                return new SearchResult(counted.total(), hits, counted.facets());
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

    /** How many answers a request matches, counted from the index without reading any. */
    public long count(SearchRequest r) {
        Query query = build(r);
        try {
            IndexSearcher searcher = index.acquire();
            try {
                return searcher.count(query);
            } finally {
                index.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        var erased = index.erasedDuringRebuild();
        if (!erased.isEmpty()) {
            // Only while a rebuild overlaps an erasure: the view being served still holds the erased answers.
            b.add(new TermInSetQuery(AnswerDocuments.RESPONSE, erased.stream().map(id -> new BytesRef(String.valueOf(id))).toList()),
                    BooleanClause.Occur.MUST_NOT);
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

    /** The text field's merged info, read by every highlight: kept while the index reader stays the same. */
    private record TextInfo(IndexReader reader, FieldInfo info) {
    }

    private volatile TextInfo textInfo;

    private FieldInfo textField(IndexSearcher searcher) {
        TextInfo current = textInfo;
        IndexReader reader = searcher.getIndexReader();
        if (current == null || current.reader() != reader) {
            current = new TextInfo(reader, FieldInfos.getMergedFieldInfos(reader).fieldInfo(AnswerDocuments.TEXT));
            textInfo = current;
        }
        return current.info();
    }

}
