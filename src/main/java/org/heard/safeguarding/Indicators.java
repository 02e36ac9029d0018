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
record Indicators(Map<String, Category> categories, List<String> professional, List<List<String>> cases, List<String> notReal,
                  List<String> jokey) {

    /**
     * @param topicCount how many of the last phrases are topics, which count only outside professional talk
     */
    /** Two kinds of word close together, e.g. a person and a harm: "my step dad ... hit me". */
    record Near(List<String> words, List<String> with, int within, String written) {
    }

    record Category(String id, String label, List<List<String>> phrases, List<String> written, int topicCount,
                    List<Near> near, List<List<String>> except) {

        boolean isTopic(int index) {
            return index >= phrases.size() - topicCount;
        }
    }

    static Indicators read(Path file, List<Problem> problems) {
        var categories = new LinkedHashMap<String, Category>();
        var professional = new ArrayList<String>();
        var cases = new ArrayList<List<String>>();
        var notReal = new ArrayList<String>();
        var jokey = new ArrayList<String>();
        YamlDocument.read(file, file.getFileName().toString(), problems).ifPresent(root -> {
            root.rejectUnknownKeys(Set.of("categories", "professional", "cases", "notReal", "jokey"));
            root.strings("professional").forEach(w -> professional.add(TextNormaliser.normalise(w)));
            root.strings("cases").stream().map(TextNormaliser::normalise).filter(w -> !w.isEmpty())
                    .forEach(w -> cases.add(List.of(w.split(" "))));
            root.strings("notReal").forEach(w -> notReal.add(TextNormaliser.normalise(w)));
            root.strings("jokey").forEach(w -> jokey.add(TextNormaliser.normalise(w)));
            YamlNode node = root.get("categories").orElse(null);
            if (node == null || !node.isMapping()) {
                root.error("expected 'categories:' with one entry per category");
                return;
            }
            node.entries().forEach((id, c) -> {
                c.about("category '" + id + "'");
                c.rejectUnknownKeys(Set.of("label", "phrases", "topics", "near", "except"));
                var near = new ArrayList<Near>();
                for (YamlNode n : c.get("near").map(YamlNode::items).orElse(List.of())) {
                    n.rejectUnknownKeys(Set.of("words", "with", "within"));
                    List<String> words = n.strings("words").stream().map(TextNormaliser::normalise).toList();
                    List<String> with = n.strings("with").stream().map(TextNormaliser::normalise).toList();
                    Integer within = n.integer("within", false);
                    if (words.isEmpty() || with.isEmpty()) {
                        n.error("a near rule needs 'words' and 'with'");
                        continue;
                    }
                    near.add(new Near(words, with, within == null ? 4 : within, words.getFirst() + "… near " + with.getFirst() + "…"));
                }
                List<List<String>> except = c.strings("except").stream().map(e -> List.of(TextNormaliser.normalise(e).split(" "))).toList();
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
                if (phrases.isEmpty() && near.isEmpty()) {
                    c.error("a category needs at least one phrase");
                }
                int topicCount = (int) topics.stream().filter(t -> !TextNormaliser.normalise(t).isEmpty()).count();
                categories.put(id, new Category(id, label == null ? id : label, phrases, written, topicCount, near, except));
            });
        });
        return new Indicators(categories, List.copyOf(professional), List.copyOf(cases), List.copyOf(notReal), List.copyOf(jokey));
    }
}
