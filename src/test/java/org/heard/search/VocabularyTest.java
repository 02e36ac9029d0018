package org.heard.search;

import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vocabulary as the index marks it and as searches read it, on the partnership's own synonyms file. */
class VocabularyTest {
    private static final Vocabulary VOCABULARY = new Vocabulary(Path.of("surveys/synonyms.txt"));

    private static boolean matches(String query, String text) throws Exception {
        var memory = new MemoryIndex();
        memory.addField(AnswerDocuments.TEXT, text, VOCABULARY.index());
        return memory.search(VOCABULARY.parse(query)) > 0;
    }

    /** Each token as "position:term[start,end)". */
    private static List<String> tokens(String text) throws Exception {
        var out = new ArrayList<String>();
        try (var ts = VOCABULARY.index().tokenStream(AnswerDocuments.TEXT, text)) {
            var term = ts.addAttribute(CharTermAttribute.class);
            var inc = ts.addAttribute(PositionIncrementAttribute.class);
            var offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                out.add(position + ":" + term + "[" + offset.startOffset() + "," + offset.endOffset() + ")");
            }
            ts.end();
        }
        return out;
    }

    private static int phraseQueries(Query q) {
        var count = new AtomicInteger();
        q.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void visitLeaf(Query query) {
                if (query instanceof PhraseQuery) {
                    count.incrementAndGet();
                }
            }

            @Override
            public void consumeTerms(Query query, org.apache.lucene.index.Term... terms) {
                if (query instanceof PhraseQuery) {
                    count.incrementAndGet();
                }
            }
        });
        return count.get();
    }

    @Test
    void marksEveryVocabularyPhraseWithOneTokenAndLeavesTheWordsWhereTheyWere() throws Exception {
        assertEquals(List.of("0:look[0,6)", "0:_syn_look_after[0,12)", "0:_syn_look_after_children[0,21)", "1:after[7,12)",
                "2:children[13,21)", "2:_syn_children_in_need[13,29)", "3:in[22,24)", "4:need[25,29)"), tokens("Looked after children in need"));
    }

    @Test
    void aPhraseCutShortByTheEndOfTheAnswerIsNotMarked() throws Exception {
        assertEquals(List.of("0:worri[0,7)", "1:about[8,13)", "2:child[14,19)", "3:sexual[20,26)"), tokens("worried about child sexual"));
        assertEquals(List.of("0:cse[0,3)", "1:child[4,9)", "1:_syn_child_protect[4,20)", "2:protect[10,20)"), tokens("CSE child protection"));
    }

    @Test
    void aSynonymSearchReadsPhraseTokensNotPositions() throws Exception {
        Query cse = VOCABULARY.parse("CSE");
        assertEquals(0, phraseQueries(cse), cse.toString());
        assertTrue(cse.toString().contains("_syn_child_sexual_exploit"), cse.toString());
        assertTrue(matches("CSE", "she was sexually exploited"), "phrases match on stems, as a phrase query does");
        assertTrue(matches("CSE", "worried about Child Sexual Exploitation online"));
        assertTrue(matches("\"child sexual exploitation\"", "a CSE referral"));
        assertTrue(matches("sexual exploitation", "a cse referral"));
        assertFalse(matches("CSE", "exploitation is not always sexual"));
        assertTrue(matches("CIN", "looked after children in need"), "overlapping phrases are each marked");
        assertTrue(matches("LAC", "looked after children in need"));
    }

    @Test
    void phrasesAndWordsAroundThePhraseTokensStillMatch() throws Exception {
        assertTrue(matches("\"about child sexual exploitation training\"", "we learnt about child sexual exploitation training"));
        assertTrue(matches("\"exploitation training\"", "child sexual exploitation training"));
        assertTrue(matches("\"child sexual exploitation\"~1", "child sexual exploitation"));
        assertTrue(matches("exploit*", "child sexual exploitation"));
        assertFalse(matches("\"child exploitation\"", "child sexual exploitation"));
    }

    @Test
    void theFingerprintChangesWithThePhrasesOnly(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("synonyms.txt");
        Files.writeString(file, "cse, child sexual exploitation\ngp, doctor\n");
        String before = new Vocabulary(file).fingerprint();
        Files.writeString(file, "# a comment\ncse, child sexual exploitation\ngp, doctor, medic\n");
        assertEquals(before, new Vocabulary(file).fingerprint(), "single words are not in the index");
        Files.writeString(file, "cse, child sexual exploitation, sexual exploitation\ngp, doctor\n");
        assertNotEquals(before, new Vocabulary(file).fingerprint());
    }
}
