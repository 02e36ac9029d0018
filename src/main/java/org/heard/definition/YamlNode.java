package org.heard.definition;

import io.micronaut.core.annotation.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML node with typed accessors that report a {@link Problem} (with the line) instead of
 * throwing when a value is missing or of the wrong kind.
 */
public final class YamlNode {
    private final Node node;
    private final String file;
    private final List<Problem> problems;
    private String subject;

    YamlNode(Node node, String file, List<Problem> problems) {
        this.node = node;
        this.file = file;
        this.problems = problems;
    }

    /** Names what later problems on this node are about, e.g. {@code question 'q1'}. */
    public YamlNode about(@Nullable String subject) {
        this.subject = subject;
        return this;
    }

    public int line() {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    public void error(String message) {
        problems.add(Problem.error(file, line(), subject, message));
    }

    public void warn(String message) {
        problems.add(Problem.warning(file, line(), subject, message));
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The keys of a mapping with their value nodes, in file order. */
    public Map<String, YamlNode> entries() {
        var map = new LinkedHashMap<String, YamlNode>();
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    map.put(k.getValue(), child(t.getValueNode()));
                }
            }
        }
        return map;
    }

    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    /** Reports every key not in {@code allowed}: a typo would otherwise be silently ignored. */
    public void rejectUnknownKeys(Set<String> allowed) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                if (!allowed.contains(key)) {
                    problems.add(Problem.error(file, child(t.getKeyNode()).line(), subject,
                            "unknown field '" + key + "' (expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
                }
            }
        }
    }

    public List<YamlNode> items() {
        var list = new ArrayList<YamlNode>();
        if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) {
                list.add(child(n));
            }
        }
        return list;
    }

    /** The scalar text, or null for a mapping, a sequence or an explicit null. */
    @Nullable
    public String text() {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            return "null".equals(s.getTag().getValue().replace("tag:yaml.org,2002:", "")) ? null : v;
        }
        return null;
    }

    // Typed field readers. Each reports a problem (and returns null/default) when the value is unusable.

    @Nullable
    public String string(String key, boolean required) {
        Optional<YamlNode> v = get(key);
        if (v.isEmpty() || v.get().text() == null || v.get().text().isBlank()) {
            if (required) {
                error("'" + key + "' is missing");
            }
            return null;
        }
        if (!v.get().isScalar()) {
            v.get().about(subject).error("'" + key + "' must be a single value");
            return null;
        }
        return v.get().text().strip();
    }

    @Nullable
    public Integer integer(String key, boolean required) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            get(key).orElseThrow().about(subject).error("'" + key + "' must be a whole number, not '" + s + "'");
            return null;
        }
    }

    @Nullable
    public Double number(String key) {
        String s = string(key, false);
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            get(key).orElseThrow().about(subject).error("'" + key + "' must be a number, not '" + s + "'");
            return null;
        }
    }

    public boolean bool(String key, boolean fallback) {
        String s = string(key, false);
        if (s == null) {
            return fallback;
        }
        return switch (s.toLowerCase()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> {
                get(key).orElseThrow().about(subject).error("'" + key + "' must be true or false, not '" + s + "'");
                yield fallback;
            }
        };
    }

    @Nullable
    public LocalDate date(String key, boolean required) {
        String s = string(key, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            get(key).orElseThrow().about(subject).error("'" + key + "' must be a date like 2026-01-31, not '" + s + "'");
            return null;
        }
    }

    /** A list of scalars; a single scalar is accepted as a list of one. */
    public List<String> strings(String key) {
        Optional<YamlNode> v = get(key);
        if (v.isEmpty()) {
            return List.of();
        }
        if (v.get().isScalar()) {
            String t = v.get().text();
            return t == null || t.isBlank() ? List.of() : List.of(t.strip());
        }
        var out = new ArrayList<String>();
        for (YamlNode item : v.get().items()) {
            if (item.text() == null) {
                item.about(subject).error("each entry of '" + key + "' must be a single value");
            } else {
                out.add(item.text().strip());
            }
        }
        return out;
    }

    private YamlNode child(Node n) {
        return new YamlNode(n, file, problems).about(subject);
    }
}
