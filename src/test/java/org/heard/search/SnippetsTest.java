package org.heard.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
