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
            "didnt", "isnt", "wasnt", "havent", "hasnt", "wont", "cant", "aint", "neither", "nor");
    private static final int NEGATION_WINDOW = 4;
    /** Stands between sentences in the words screened, where a denial stops. */
    private static final String BOUNDARY = ".";
    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?;\\n]+|\\s[-\u2013\u2014]+\\s");

    private final Indicators indicators;

    PhraseScreener(Indicators indicators) {
        this.indicators = indicators;
    }

    @Override
    public String categoryLabel(String category) {
        Indicators.Category c = indicators.categories().get(category);
        return c == null || c.label() == null || c.label().isBlank() ? category : c.label();
    }

    /** Whether the text is about a story, a song, a game or a sport rather than a life. */
    boolean notReal(String text) {
        return anyWord(TextNormaliser.normalise(text).split(" "), indicators.notReal());
    }

    @Override
    public ScreenResult screen(String text) {
        if (text == null || text.isBlank()) {
            return ScreenResult.CLEAR;
        }
        String[] words = words(text);
        // Professional words make a topic talk about work ("the DV course"), unless the text also reports
        // a real child or family ("disclosed", "children present"): staff tell us of cases in those words.
        boolean professional = anyWord(words, indicators.professional())
                && indicators.cases().stream().noneMatch(c -> contains(words, c));
        if (anyWord(words, indicators.notReal())) {
            // A film, a song, a game or a sport: "we got killed in fortnite" is not a disclosure.
            return ScreenResult.CLEAR;
        }
        boolean jokey = anyWord(words, indicators.jokey());
        var categories = new LinkedHashSet<String>();
        var matches = new ArrayList<Match>();
        for (Indicators.Category c : indicators.categories().values()) {
            if (c.except().stream().anyMatch(e -> contains(words, e))) {
                continue;
            }
            if (!jokey) {
                for (Indicators.Near n : c.near()) {
                    int[] at = near(words, n);
                    if (at != null) {
                        categories.add(c.id());
                        matches.add(new Match(c.id(), n.written(), String.join(" ", List.of(words).subList(at[0], at[1] + 1))));
                        break;
                    }
                }
            }
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

    /** The first and last word of the closest pair, or null when the two kinds never come close un-negated. */
    private static int[] near(String[] words, Indicators.Near n) {
        for (int i = 0; i < words.length; i++) {
            if (!anyMatch(words[i], n.words())) {
                continue;
            }
            for (int j = Math.max(0, i - n.within()); j <= Math.min(words.length - 1, i + n.within()); j++) {
                if (j != i && anyMatch(words[j], n.with())) {
                    int first = Math.min(i, j);
                    if (!negated(words, first) && !negated(words, Math.max(i, j))) {
                        return new int[] {first, Math.max(i, j)};
                    }
                }
            }
        }
        return null;
    }

    private static boolean anyMatch(String word, List<String> patterns) {
        for (String p : patterns) {
            if (wordMatches(word, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyWord(String[] words, List<String> patterns) {
        for (String w : words) {
            if (anyMatch(w, patterns)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String[] words, List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= words.length; i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!wordMatches(words[i + j], phrase.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean wordMatches(String word, String pattern) {
        return pattern.endsWith("*") ? word.startsWith(pattern.substring(0, pattern.length() - 1)) : word.equals(pattern);
    }

    /** The text's words, with {@value #BOUNDARY} between its sentences. */
    private static String[] words(String text) {
        var out = new ArrayList<String>();
        for (String sentence : SENTENCE_END.split(text)) {
            String normal = TextNormaliser.normalise(sentence);
            if (normal.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add(BOUNDARY);
            }
            out.addAll(List.of(normal.split(" ")));
        }
        return out.toArray(String[]::new);
    }

    private static boolean negated(String[] words, int start) {
        for (int k = start - 1; k >= Math.max(0, start - NEGATION_WINDOW); k--) {
            if (words[k].equals(BOUNDARY)) {
                // "feeling safe at home? no. my dad hits me": the "no" answers the question, not what follows.
                return false;
            }
            // "I don't want to marry him" is not a denial: the negation is of wanting, not of the harm.
            boolean ofWanting = k + 1 < start && (words[k + 1].equals("want") || words[k + 1].equals("wanna"));
            if (NEGATIONS.contains(words[k]) && !ofWanting) {
                return true;
            }
        }
        return false;
    }
}
