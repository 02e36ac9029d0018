package org.heard.theme;

import org.tartarus.snowball.ext.EnglishStemmer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words and two-word phrases of a text that can carry a theme: stemmed so "waiting" and "wait"
 * count together, with common words left out, each with the wording people used most for display.
 */
final class Terms {
    private static final Set<String> STOP = Set.of(("a about above after again against all also am an and any are as at be because been "
            + "before being below between both but by can could did do does doing don down during each few for from further get got had has "
            + "have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not "
            + "now of off on once only or other our ours ourselves out over own really same she should so some such than that the their "
            + "theirs them themselves then there these they this those through to too under until up very was we were what when where "
            + "which while who whom why will with would you your yours yourself yourselves im ive dont didnt cant wont isnt wasnt "
            + "us one thing things lot lots much many well still even ever every everything something anything nothing").split(" "));

    private final EnglishStemmer stemmer = new EnglishStemmer();
    private final Map<String, Map<String, Integer>> surface = new HashMap<>();

    /** The distinct terms of a text (stems and stem pairs), remembering how each was written. */
    Set<String> of(String text) {
        var out = new LinkedHashSet<String>();
        List<String> words = org.heard.learning.TextFeatures.words(text);
        String previous = null;
        String previousWord = null;
        for (String word : words) {
            if (STOP.contains(word) || word.length() < 3 || word.chars().allMatch(Character::isDigit)) {
                previous = null;
                continue;
            }
            stemmer.setCurrent(word);
            stemmer.stem();
            String stem = stemmer.getCurrent();
            out.add(stem);
            remember(stem, word);
            if (previous != null) {
                String pair = previous + " " + stem;
                out.add(pair);
                remember(pair, previousWord + " " + word);
            }
            previous = stem;
            previousWord = word;
        }
        return out;
    }

    private void remember(String term, String written) {
        surface.computeIfAbsent(term, k -> new HashMap<>()).merge(written, 1, Integer::sum);
    }

    /** How people most often wrote a term. */
    String display(String term) {
        Map<String, Integer> forms = surface.get(term);
        if (forms == null) {
            return term;
        }
        return forms.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(term);
    }

    static boolean isPhrase(String term) {
        return term.indexOf(' ') > 0;
    }
}
