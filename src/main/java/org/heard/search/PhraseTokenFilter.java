package org.heard.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds one extra token wherever a vocabulary phrase occurs, at the phrase's first word and spanning
 * its text, so a search for the phrase reads one posting list instead of matching positions. Every
 * occurrence is marked, overlapping ones included, and the words themselves are left as they were,
 * so phrase queries over them still match. Runs after stemming: phrases are matched on stems, as a
 * phrase query would be.
 */
final class PhraseTokenFilter extends TokenFilter {
    private final Map<String, List<List<String>>> byFirstWord;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

    private final List<AttributeSource.State> states = new ArrayList<>();
    private final List<String> terms = new ArrayList<>();
    private final List<Integer> increments = new ArrayList<>();
    private final List<Integer> ends = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private final List<Integer> pendingEnds = new ArrayList<>();
    private boolean buffered;
    private int next;

    /** @param byFirstWord each phrase (as its stemmed words), listed under its first word */
    PhraseTokenFilter(TokenStream input, Map<String, List<List<String>>> byFirstWord) {
        super(input);
        this.byFirstWord = byFirstWord;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!buffered) {
            // Answers are short (10,000 characters at most), so the whole stream is read ahead once.
            while (input.incrementToken()) {
                states.add(captureState());
                terms.add(term.toString());
                increments.add(increment.getPositionIncrement());
                ends.add(offset.endOffset());
            }
            buffered = true;
        }
        if (!pending.isEmpty()) {
            restoreState(states.get(next - 1));
            int start = offset.startOffset();
            term.setEmpty().append(pending.removeFirst());
            increment.setPositionIncrement(0);
            offset.setOffset(start, pendingEnds.removeFirst());
            return true;
        }
        if (next >= states.size()) {
            return false;
        }
        int at = next++;
        List<List<String>> candidates = byFirstWord.get(terms.get(at));
        if (candidates != null) {
            for (List<String> phrase : candidates) {
                if (occursAt(phrase, at)) {
                    pending.add(Vocabulary.token(phrase));
                    pendingEnds.add(ends.get(at + phrase.size() - 1));
                }
            }
        }
        restoreState(states.get(at));
        return true;
    }

    private boolean occursAt(List<String> phrase, int at) {
        if (at + phrase.size() > terms.size()) {
            return false;
        }
        for (int i = 1; i < phrase.size(); i++) {
            if (increments.get(at + i) != 1 || !phrase.get(i).equals(terms.get(at + i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        states.clear();
        terms.clear();
        increments.clear();
        ends.clear();
        pending.clear();
        pendingEnds.clear();
        buffered = false;
        next = 0;
    }
}
