package org.heard.search;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The safeguarding vocabulary (synonyms.txt), read once at start-up. When searching, a word or
 * phrase is widened to the others on its line. Every phrase of two or more words in the file is also
 * marked in the index by a single token (see {@link PhraseTokenFilter}), and a search for such a
 * phrase reads that token instead of matching word positions: "CSE" becomes three term lookups,
 * not two phrase queries. The index therefore depends on the phrases; {@link #fingerprint()} changes
 * when they do, and the index is rebuilt at the next start.
 */
@Singleton
class Vocabulary {
    static final String TOKEN_PREFIX = "_syn_";

    private final Analyzer queryAnalyzer;
    private final Analyzer indexAnalyzer;
    private final Map<String, List<List<String>>> byFirstWord = new HashMap<>();
    private final String fingerprint;

    @Inject
    Vocabulary(SearchConfiguration config) {
        this(Path.of(config.synonyms()));
    }

    Vocabulary(Path file) {
        try {
            this.queryAnalyzer = Analyzers.query(Analyzers.synonyms(file));
            var phrases = new TreeSet<String>();
            for (String entry : entries(file)) {
                List<String> words = stems(entry);
                if (words.size() > 1 && phrases.add(String.join(" ", words))) {
                    byFirstWord.computeIfAbsent(words.getFirst(), k -> new ArrayList<>()).add(List.copyOf(words));
                }
            }
            this.fingerprint = sha256(String.join("\n", phrases));
            this.indexAnalyzer = Analyzers.index(byFirstWord);
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("The synonyms file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The token that marks a phrase (its stemmed words) in the index. */
    static String token(List<String> words) {
        return TOKEN_PREFIX + String.join("_", words);
    }

    /** Changes exactly when the phrases marked in the index change. */
    String fingerprint() {
        return fingerprint;
    }

    /** Analysis for answers: the words, stemmed, plus a token for each vocabulary phrase. */
    Analyzer index() {
        return indexAnalyzer;
    }

    /**
     * Reads what a person typed (Lucene's syntax, AND between words), widening vocabulary words and
     * phrases to the others on their line.
     *
     * @throws ParseException or IllegalArgumentException when it cannot be read
     */
    Query parse(String q) throws ParseException {
        var parser = new StemmedPrefixParser(AnswerDocuments.TEXT, queryAnalyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(false);
        parser.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        return compact(parser.parse(q));
    }

    /**
     * The same query with each exact phrase of the vocabulary replaced by a lookup of its token:
     * they match the same answers, the token far faster.
     */
    Query compact(Query q) {
        return switch (q) {
            case PhraseQuery p -> phraseToken(p);
            case BoostQuery b -> new BoostQuery(compact(b.getQuery()), b.getBoost());
            case BooleanQuery b -> {
                var out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
                for (BooleanClause c : b.clauses()) {
                    out.add(compact(c.query()), c.occur());
                }
                yield out.build();
            }
            default -> q;
        };
    }

    private Query phraseToken(PhraseQuery p) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        if (p.getSlop() != 0 || terms.length < 2) {
            return p;
        }
        var words = new ArrayList<String>(terms.length);
        for (int i = 0; i < terms.length; i++) {
            if (positions[i] != positions[0] + i || !terms[i].field().equals(AnswerDocuments.TEXT)) {
                return p;
            }
            words.add(terms[i].text());
        }
        List<List<String>> candidates = byFirstWord.get(words.getFirst());
        if (candidates == null || !candidates.contains(words)) {
            return p;
        }
        return new TermQuery(new Term(AnswerDocuments.TEXT, token(words)));
    }

    /** Every word or phrase in a Solr-format synonyms file, either side of any "=>". */
    private static List<String> entries(Path file) throws IOException {
        var out = new ArrayList<String>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            for (String side : line.split("=>")) {
                for (String entry : side.split("(?<!\\\\),")) {
                    if (!entry.isBlank()) {
                        out.add(entry.replace("\\", "").strip());
                    }
                }
            }
        }
        return out;
    }

    /** The words of an entry as the index holds them. */
    private static List<String> stems(String entry) throws IOException {
        var words = new ArrayList<String>();
        try (Analyzer stemming = Analyzers.index(Map.of()); var ts = stemming.tokenStream(AnswerDocuments.TEXT, entry)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                words.add(term.toString());
            }
            ts.end();
        }
        return words;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers are indexed as stems ("bullying" as "bulli"), but a prefix is not analysed, so "bully*"
     * would find nothing. A prefix matches what it says or what its stem says, whichever finds more.
     */
    private static final class StemmedPrefixParser extends QueryParser {
        // Stems only: a single word never makes a phrase token.
        private static final org.apache.lucene.analysis.Analyzer INDEX = Analyzers.index(Map.of());

        StemmedPrefixParser(String field, org.apache.lucene.analysis.Analyzer analyzer) {
            super(field, analyzer);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            Query raw = super.getPrefixQuery(field, termStr);
            String stem = stem(termStr);
            if (stem == null || stem.equals(termStr.toLowerCase(java.util.Locale.ROOT))) {
                return raw;
            }
            return new BooleanQuery.Builder().add(raw, BooleanClause.Occur.SHOULD)
                    .add(super.getPrefixQuery(field, stem), BooleanClause.Occur.SHOULD).build();
        }

        /** The word as the index stores it, or null when it is not one word. */
        private static String stem(String word) {
            try (var ts = INDEX.tokenStream(AnswerDocuments.TEXT, word)) {
                var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                ts.reset();
                String out = ts.incrementToken() ? term.toString() : null;
                boolean more = ts.incrementToken();
                ts.end();
                return more ? null : out;
            } catch (IOException e) {
                return null;
            }
        }
    }
}
