package org.heard.definition;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Parses a YAML file into a tree that remembers line numbers. Parse failures become a
 * {@link Problem} rather than an exception, because the people who edit these files need
 * "file:line: what is wrong", never a stack trace.
 */
public final class YamlDocument {
    private YamlDocument() {
    }

    /** The root node of the file, or empty with the problem added to {@code problems}. */
    public static Optional<YamlNode> read(Path file, String displayName, List<Problem> problems) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, displayName, problems);
        } catch (IOException e) {
            problems.add(Problem.error(displayName, 0, null, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** The root node of a definition sent as text (e.g. uploaded to the service), or empty with the problem added. */
    public static Optional<YamlNode> read(String text, String displayName, List<Problem> problems) {
        return read(new java.io.StringReader(text == null ? "" : text), displayName, problems);
    }

    private static Optional<YamlNode> read(Reader reader, String displayName, List<Problem> problems) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(2 * 1024 * 1024);
        try {
            Node root = new Yaml(options).compose(reader);
            if (root == null) {
                problems.add(Problem.error(displayName, 0, null, "the file is empty"));
                return Optional.empty();
            }
            return Optional.of(new YamlNode(root, displayName, problems));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(Problem.error(displayName, line, null, "not valid YAML: " + firstLine(e.getProblem())));
        } catch (YAMLException e) {
            problems.add(Problem.error(displayName, 0, null, "not valid YAML: " + firstLine(e.getMessage())));
        }
        return Optional.empty();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
