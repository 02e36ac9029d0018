package org.heard.safeguarding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Screens text against the indicator phrases. A phrase preceded closely by a negation ("never",
 * "nobody", "not") does not count, so "nobody hurts me" is not a disclosure; a negation further
 * back, or in an earlier sentence, does not hide a later one.
 */
final class PhraseScreener implements Screener {
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "nobody", "noone", "dont", "doesnt",
            "didnt", "isnt", "wasnt", "havent", "hasnt", "wont", "cant", "aint", "nothing", "neither", "nor");
    private static final int NEGATION_WINDOW = 3;

    private final Indicators indicators;

    PhraseScreener(Indicators indicators) {
        this.indicators = indicators;
    }

    @Override
    public ScreenResult screen(String text) {
        if (text == null || text.isBlank()) {
            return ScreenResult.CLEAR;
        }
        String[] words = TextNormaliser.normalise(text).split(" ");
        boolean professional = indicators.professional().stream()
                .anyMatch(pattern -> java.util.Arrays.stream(words).anyMatch(w -> wordMatches(w, pattern)));
        var categories = new LinkedHashSet<String>();
        var matches = new ArrayList<Match>();
        for (Indicators.Category c : indicators.categories().values()) {
            for (int p = 0; p < c.phrases().size(); p++) {
                if (professional && c.isTopic(p)) {
                    continue;
                }
                int at = find(words, c.phrases().get(p));
                if (at >= 0) {
                    categories.add(c.id());
                    matches.add(new Match(c.id(), c.written().get(p),
                            String.join(" ", List.of(words).subList(at, at + c.phrases().get(p).size()))));
                }
            }
        }
        return matches.isEmpty() ? ScreenResult.CLEAR : new ScreenResult(true, List.copyOf(categories), List.copyOf(matches));
    }

    private static int find(String[] words, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= words.length; i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!wordMatches(words[i + j], phrase.get(j))) {
                    continue outer;
                }
            }
            if (!negated(words, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean wordMatches(String word, String pattern) {
        return pattern.endsWith("*") ? word.startsWith(pattern.substring(0, pattern.length() - 1)) : word.equals(pattern);
    }

    private static boolean negated(String[] words, int start) {
        for (int k = Math.max(0, start - NEGATION_WINDOW); k < start; k++) {
            if (NEGATIONS.contains(words[k])) {
                return true;
            }
        }
        return false;
    }
}
