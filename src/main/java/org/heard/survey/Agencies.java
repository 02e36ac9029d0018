package org.heard.survey;

import org.heard.definition.Problem;
import org.heard.definition.YamlDocument;
import org.heard.definition.YamlNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The partnership's agencies, from {@code surveys/agencies.yaml}. */
public record Agencies(List<Option> all) {

    public static final String FILE = "agencies.yaml";

    public Optional<Option> find(String id) {
        return all.stream().filter(a -> a.value().equals(id)).findFirst();
    }

    public String name(String id) {
        return find(id).map(Option::label).orElse(id);
    }

    /** Reads the agency list; a missing file means no agency questions can be answered. */
    static Agencies read(Path dir, List<Problem> problems) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return new Agencies(List.of());
        }
        Optional<YamlNode> root = YamlDocument.read(file, FILE, problems);
        var list = new ArrayList<Option>();
        Set<String> seen = new HashSet<>();
        root.flatMap(r -> r.get("agencies")).ifPresentOrElse(node -> {
            for (YamlNode a : node.items()) {
                a.rejectUnknownKeys(Set.of("id", "name"));
                String id = a.string("id", true);
                String name = a.string("name", true);
                if (id == null || name == null) {
                    continue;
                }
                if (!SurveyParser.SLUG.matcher(id).matches()) {
                    a.error("agency id '" + id + "' must use only lower-case letters, digits and hyphens");
                } else if (!seen.add(id)) {
                    a.error("agency id '" + id + "' is listed twice");
                } else {
                    list.add(new Option(id, name));
                }
            }
        }, () -> root.ifPresent(r -> r.error("expected 'agencies:' with a list of {id, name}")));
        return new Agencies(List.copyOf(list));
    }
}
