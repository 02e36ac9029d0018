package org.heard.search;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Adds one extra token wherever a vocabulary phrase occurs, at the phrase's first word and spanning
 * its text, so a search for the phrase reads one posting list instead of matching positions. Every
 * occurrence is marked, overlapping ones included, and the words themselves are left as they were,
 * so phrase queries over them still match. Runs after stemming: phrases are matched on stems, as a
 * phrase query would be. Only a word that starts some phrase makes it read ahead.
 */
final class PhraseTokenFilter extends TokenFilter {
    private final Map<String, List<List<String>>> byFirstWord;
    private final int longest;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

    /** A word read ahead and not yet passed on. */
    private record Ahead(AttributeSource.State state, String term, int increment, int end) {
    }

    private final ArrayDeque<Ahead> ahead = new ArrayDeque<>();
    private final List<String> pending = new ArrayList<>();
    private final List<Integer> pendingEnds = new ArrayList<>();
    private AttributeSource.State current;
    private int currentStart;
    private boolean exhausted;

    /** @param byFirstWord each phrase (as its stemmed words), listed under its first word */
    PhraseTokenFilter(TokenStream input, Map<String, List<List<String>>> byFirstWord) {
        super(input);
        this.byFirstWord = byFirstWord;
        this.longest = byFirstWord.values().stream().flatMap(List::stream).mapToInt(List::size).max().orElse(0);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            term.setEmpty().append(pending.removeFirst());
            increment.setPositionIncrement(0);
            offset.setOffset(currentStart, pendingEnds.removeFirst());
            return true;
        }
        if (!ahead.isEmpty()) {
            restoreState(ahead.removeFirst().state());
        } else if (exhausted || !input.incrementToken()) {
            exhausted = true;
            return false;
        }
        List<List<String>> candidates = byFirstWord.get(term.toString());
        if (candidates != null) {
            mark(candidates);
        }
        return true;
    }

    /** Reads ahead far enough to see whether any of these phrases starts at the current word. */
    private void mark(List<List<String>> candidates) throws IOException {
        current = captureState();
        currentStart = offset.startOffset();
        while (ahead.size() < longest - 1 && !exhausted) {
            if (input.incrementToken()) {
                ahead.addLast(new Ahead(captureState(), term.toString(), increment.getPositionIncrement(), offset.endOffset()));
            } else {
                exhausted = true;
            }
        }
        for (List<String> phrase : candidates) {
            int end = endOf(phrase);
            if (end >= 0) {
                pending.add(Vocabulary.token(phrase));
                pendingEnds.add(end);
            }
        }
        restoreState(current);
    }

    /** Where the phrase ends if it follows the current word, word for word; -1 if it does not. */
    private int endOf(List<String> phrase) {
        if (phrase.size() - 1 > ahead.size()) {
            return -1;
        }
        int i = 1;
        int end = -1;
        for (Ahead next : ahead) {
            if (i == phrase.size()) {
                break;
            }
            if (next.increment() != 1 || !phrase.get(i).equals(next.term())) {
                return -1;
            }
            end = next.end();
            i++;
        }
        return end;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        ahead.clear();
        pending.clear();
        pendingEnds.clear();
        current = null;
        exhausted = false;
    }
}
