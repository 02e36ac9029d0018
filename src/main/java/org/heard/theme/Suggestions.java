package org.heard.theme;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.learning.LinearClassifier;
import org.heard.search.SearchService;
import org.heard.search.TextQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suggests themes for answers not yet coded: every theme whose query matches (confidence 1), and
 * every theme the codebook's model is confident enough about. Themes already applied or rejected
 * on an answer are never suggested for it.
 */
@Singleton
class Suggestions {
    static final String QUERY = "query";
    static final String MODEL = "model";

    private final ThemeModels models;
    private final SearchService search;

    Suggestions(ThemeModels models, SearchService search) {
        this.models = models;
        this.search = search;
    }

    @Serdeable
    record Suggestion(String theme, double confidence, String source) {
    }

    /** An answer to suggest for. */
    record Text(AnswerKey key, String text) {
    }

    /**
     * Suggestions for each answer, most confident first.
     *
     * @param verdicts earlier verdicts by answer and theme, which suppress suggestions
     */
    Map<AnswerKey, List<Suggestion>> suggest(Codebooks.Stored cb, Collection<Text> texts, Map<AnswerKey, Map<String, String>> verdicts) {
        Optional<LinearClassifier> classifier = models.current(cb).classifier();
        var queries = new LinkedHashMap<String, TextQuery>();
        for (Codebook.Theme t : cb.codebook().themes()) {
            if (t.query() != null && !t.query().isBlank()) {
                try {
                    queries.put(t.name(), search.compile(t.query()));
                } catch (SearchService.BadQuery e) {
                    // A theme query that cannot be read tags nothing; saving the codebook reports it.
                }
            }
        }
        var out = new LinkedHashMap<AnswerKey, List<Suggestion>>();
        for (Text t : texts) {
            Map<String, String> known = verdicts.getOrDefault(t.key(), Map.of());
            var found = new LinkedHashMap<String, Suggestion>();
            queries.forEach((theme, q) -> {
                if (!known.containsKey(theme) && q.matches(t.text())) {
                    found.put(theme, new Suggestion(theme, 1.0, QUERY));
                }
            });
            classifier.ifPresent(c -> c.confidences(t.text()).forEach((theme, confidence) -> {
                if (confidence >= cb.codebook().threshold() && !known.containsKey(theme) && !found.containsKey(theme)
                        && cb.themeId(theme).isPresent()) {
                    found.put(theme, new Suggestion(theme, round(confidence), MODEL));
                }
            }));
            var list = new ArrayList<>(found.values());
            list.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
            out.put(t.key(), List.copyOf(list));
        }
        return out;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
