package org.heard.search;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnippetsTest {
    private static Passage passage(int start, String... terms) {
        var p = new Passage();
        p.setStartOffset(start);
        p.setEndOffset(start + 80);
        int at = start;
        for (String t : terms) {
            // A term's frequency in the whole answer: longer terms here stand for rarer ones.
            p.addMatch(at, at + t.length(), new BytesRef(t), t.length());
            at += t.length() + 1;
        }
        return p;
    }

    @Test
    void scoresPassagesAsLuceneDoes() {
        var lucene = new PassageScorer();
        var lean = new Snippets.LeanScorer();
        Passage[] passages = {passage(0, "groom"), passage(0, "groom", "groom", "onlin"), passage(120, "wait", "help", "wait", "help", "wait"),
                passage(40, "a", "b", "c", "a", "d", "b"), passage(0)};
        for (Passage p : passages) {
            assertEquals(lucene.score(p, 500), lean.score(p, 500), 1e-6f);
        }
        // Repeats and early passages still count for more: the scorer is not trivially constant.
        assertTrue(lean.score(passages[1], 500) > lean.score(passages[0], 500));
        assertTrue(lean.score(passage(0, "groom"), 500) > lean.score(passage(400, "groom"), 500));
    }

    @Test
    void aPrefixIsMarkedThroughTheWordsItMatchesUnlessThereAreTooMany() throws Exception {
        try (var dir = new ByteBuffersDirectory(); var writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (String text : java.util.List.of("bully bullied", "bullying at school", "the bus")) {
                var doc = new Document();
                doc.add(new TextField("text", text, Field.Store.NO));
                writer.addDocument(doc);
                writer.flush();
            }
            for (int i = 0; i < Snippets.MOST_WORDS + 1; i++) {
                var doc = new Document();
                doc.add(new TextField("text", "word" + i, Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            try (var reader = DirectoryReader.open(dir)) {
                Query query = new BooleanQuery.Builder().add(new PrefixQuery(new Term("text", "bull")), BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term("text", "school")), BooleanClause.Occur.SHOULD).build();
                assertEquals("+(text:bullied text:bully text:bullying) text:school", Snippets.markable(query, reader).toString(),
                        "each word once, across segments");
                Query many = new PrefixQuery(new Term("text", "word"));
                assertSame(many, Snippets.markable(many, reader));
            }
        }
    }
}
