package org.heard.theme;

import org.heard.definition.Problem;
import org.heard.definition.YamlDocument;
import org.heard.definition.YamlNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and writes a codebook as YAML, the same form as the files in {@code surveys/codebooks/}:
 * what is written reads back to the same codebook. Problems name the file and line.
 */
final class CodebookFile {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    static final int MAX_THEME_NAME = 200;
    static final int MAX_QUERY = 2000;

    private CodebookFile() {
    }

    /** Every valid codebook in the folder, by file; files with errors are left out and their problems added. */
    static Map<Path, Codebook> readFolder(Path dir, List<Problem> problems) {
        var out = new LinkedHashMap<Path, Codebook>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                var mine = new ArrayList<Problem>();
                Optional<Codebook> cb = YamlDocument.read(file, "codebooks/" + file.getFileName(), mine).flatMap(CodebookFile::parse);
                problems.addAll(mine);
                if (cb.isPresent() && mine.stream().allMatch(Problem::warning)) {
                    out.put(file, cb.get());
                }
            }
        } catch (IOException e) {
            problems.add(Problem.error(dir.toString(), 0, null, "cannot list the folder: " + e.getMessage()));
        }
        return out;
    }

    /** A codebook sent as text; empty with problems when it is not valid. */
    static Optional<Codebook> read(String yaml, String displayName, List<Problem> problems) {
        var mine = new ArrayList<Problem>();
        Optional<Codebook> cb = YamlDocument.read(yaml, displayName, mine).flatMap(CodebookFile::parse);
        problems.addAll(mine);
        return mine.stream().allMatch(Problem::warning) ? cb : Optional.empty();
    }

    private static Optional<Codebook> parse(YamlNode root) {
        root.rejectUnknownKeys(Set.of("name", "title", "description", "threshold", "themes"));
        String name = root.string("name", true);
        if (name != null && !NAME.matcher(name).matches()) {
            root.get("name").orElseThrow().error("codebook name '" + name + "' may use only lower-case letters, digits and hyphens");
        }
        String title = root.string("title", false);
        String description = root.string("description", false);
        Double threshold = root.number("threshold");
        if (threshold != null && (threshold < 0 || threshold > 1)) {
            root.get("threshold").orElseThrow().error("threshold must be between 0 and 1");
        }
        var themes = new ArrayList<Codebook.Theme>();
        var seen = new HashSet<String>();
        for (YamlNode t : root.get("themes").map(YamlNode::items).orElse(List.of())) {
            t.rejectUnknownKeys(Set.of("name", "description", "parent", "query"));
            String theme = t.string("name", true);
            t.about("theme '" + theme + "'");
            String problem = theme == null ? null : themeNameProblem(theme);
            if (problem != null) {
                t.error(problem);
            } else if (theme != null && !seen.add(theme.toLowerCase(Locale.ROOT))) {
                t.error("the theme name is used twice");
            }
            String query = t.string("query", false);
            if (query != null && query.length() > MAX_QUERY) {
                t.error("the query is longer than " + MAX_QUERY + " characters");
            }
            themes.add(new Codebook.Theme(theme, orEmpty(t.string("description", false)), t.string("parent", false), query));
        }
        for (Codebook.Theme t : themes) {
            if (t.parent() != null && !seen.contains(t.parent().toLowerCase(Locale.ROOT))) {
                root.error("theme '" + t.name() + "' names a parent '" + t.parent() + "' that is not in this codebook");
            }
        }
        return Optional.of(new Codebook(name, title == null ? String.valueOf(name) : title, orEmpty(description),
                threshold == null ? Codebook.DEFAULT_THRESHOLD : threshold, List.copyOf(themes)));
    }

    /** Why a theme name cannot be used, or null when it can. */
    static String themeNameProblem(String name) {
        if (name.isBlank()) {
            return "a theme needs a name";
        }
        if (name.length() > MAX_THEME_NAME) {
            return "a theme name may be at most " + MAX_THEME_NAME + " characters";
        }
        if (name.contains(";")) {
            return "a theme name may not contain ';' (it separates themes in CSV files)";
        }
        return null;
    }

    static String write(Codebook cb) {
        var root = new LinkedHashMap<String, Object>();
        root.put("name", cb.name());
        root.put("title", cb.title());
        root.put("description", cb.description());
        root.put("threshold", cb.threshold());
        var themes = new ArrayList<Map<String, Object>>();
        for (Codebook.Theme t : cb.themes()) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", t.name());
            m.put("description", t.description());
            if (t.parent() != null) {
                m.put("parent", t.parent());
            }
            if (t.query() != null) {
                m.put("query", t.query());
            }
            themes.add(m);
        }
        root.put("themes", themes);
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(root);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
