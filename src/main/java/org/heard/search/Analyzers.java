package org.heard.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

/**
 * English analysis with stemming for answers, and the same plus safeguarding synonyms for queries.
 * Synonyms are widened only when searching; the index holds one extra token per vocabulary phrase
 * (see {@link Vocabulary}). No stop words are removed: "children in care" must match as a phrase.
 */
final class Analyzers {
    private Analyzers() {
    }

    /** @param phrases the vocabulary phrases (stemmed words) to mark, by first word; empty for none */
    static Analyzer index(Map<String, List<List<String>>> phrases) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                var source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new EnglishPossessiveFilter(ts);
                ts = new PorterStemFilter(ts);
                if (!phrases.isEmpty()) {
                    ts = new PhraseTokenFilter(ts, phrases);
                }
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    static Analyzer query(SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                var source = new StandardTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                if (synonyms != null && synonyms.fst != null) {
                    ts = new SynonymGraphFilter(ts, synonyms, true);
                }
                ts = new EnglishPossessiveFilter(ts);
                return new TokenStreamComponents(source, new PorterStemFilter(ts));
            }
        };
    }

    /** Reads a Solr-format synonyms file; a missing file means no synonyms. */
    static SynonymMap synonyms(Path file) throws IOException, ParseException {
        if (!Files.exists(file)) {
            return new SynonymMap.Builder().build();
        }
        Analyzer plain = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                var source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        };
        var parser = new SolrSynonymParser(true, true, plain);
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parser.parse(r);
        }
        return parser.build();
    }
}
