package org.heard.safeguarding;

import org.heard.definition.Problem;
import org.heard.definition.YamlDocument;
import org.heard.definition.YamlNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indicators file: categories, each with phrases that suggest a disclosure. A phrase is a few
 * words; a word ending in {@code *} matches any ending ("hit*" matches hits, hitting). The file is
 * meant to be edited by a safeguarding lead, so every problem names its line.
 */
record Indicators(Map<String, Category> categories, List<String> professional) {

    /**
     * @param topicCount how many of the last phrases are topics, which count only outside professional talk
     */
    record Category(String id, String label, List<List<String>> phrases, List<String> written, int topicCount) {

        boolean isTopic(int index) {
            return index >= phrases.size() - topicCount;
        }
    }

    static Indicators read(Path file, List<Problem> problems) {
        var categories = new LinkedHashMap<String, Category>();
        var professional = new ArrayList<String>();
        YamlDocument.read(file, file.getFileName().toString(), problems).ifPresent(root -> {
            root.rejectUnknownKeys(Set.of("categories", "professional"));
            root.strings("professional").forEach(w -> professional.add(TextNormaliser.normalise(w)));
            YamlNode node = root.get("categories").orElse(null);
            if (node == null || !node.isMapping()) {
                root.error("expected 'categories:' with one entry per category");
                return;
            }
            node.entries().forEach((id, c) -> {
                c.about("category '" + id + "'");
                c.rejectUnknownKeys(Set.of("label", "phrases", "topics"));
                String label = c.string("label", true);
                var phrases = new ArrayList<List<String>>();
                var written = new ArrayList<String>();
                List<String> topics = c.strings("topics");
                var all = new ArrayList<>(c.strings("phrases"));
                all.addAll(topics);
                for (String p : all) {
                    List<String> words = List.of(TextNormaliser.normalise(p).split(" "));
                    if (words.isEmpty() || words.getFirst().isEmpty()) {
                        c.error("phrase '" + p + "' has no words");
                        continue;
                    }
                    phrases.add(words);
                    written.add(p);
                }
                if (phrases.isEmpty()) {
                    c.error("a category needs at least one phrase");
                }
                int topicCount = (int) topics.stream().filter(t -> !TextNormaliser.normalise(t).isEmpty()).count();
                categories.put(id, new Category(id, label == null ? id : label, phrases, written, topicCount));
            });
        });
        return new Indicators(categories, List.copyOf(professional));
    }
}
