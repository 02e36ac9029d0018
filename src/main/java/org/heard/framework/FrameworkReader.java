package org.heard.framework;

import org.heard.definition.Problem;
import org.heard.definition.YamlDocument;
import org.heard.definition.YamlNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads and checks framework files, naming the file and line of every problem. */
public final class FrameworkReader {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,99}");
    private static final Pattern MEASURE_ID = Pattern.compile("(quantitative|qualitative|outcome)-[0-9]{1,3}");
    private static final Set<String> KINDS = Set.of("quantitative", "qualitative", "outcome");

    private FrameworkReader() {
    }

    /** Every valid framework in {@code dir}; files with errors are left out and their problems added. */
    public static Map<String, Framework> read(Path dir, List<Problem> problems) {
        var frameworks = new LinkedHashMap<String, Framework>();
        if (!Files.isDirectory(dir)) {
            return frameworks;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = "frameworks/" + file.getFileName();
                var mine = new ArrayList<Problem>();
                Optional<Framework> f = YamlDocument.read(file, name, mine).flatMap(root -> parse(root));
                problems.addAll(mine);
                if (f.isPresent() && mine.stream().noneMatch(p -> !p.warning())) {
                    if (frameworks.containsKey(f.get().id())) {
                        problems.add(Problem.error(name, 0, null, "framework id '" + f.get().id() + "' is used by another file"));
                    } else {
                        frameworks.put(f.get().id(), f.get());
                    }
                }
            }
        } catch (IOException e) {
            problems.add(Problem.error(dir.toString(), 0, null, "cannot list the folder: " + e.getMessage()));
        }
        return frameworks;
    }

    private static Optional<Framework> parse(YamlNode root) {
        root.rejectUnknownKeys(Set.of("id", "title", "source", "sections"));
        String id = root.string("id", true);
        if (id != null && !ID.matcher(id).matches()) {
            root.get("id").orElseThrow().error("framework id '" + id + "' may use only letters, digits and hyphens");
        }
        String title = root.string("title", true);
        String source = root.string("source", false);
        var sections = new ArrayList<Framework.Section>();
        var areaIds = new HashSet<String>();
        for (YamlNode s : root.get("sections").map(YamlNode::items).orElse(List.of())) {
            s.rejectUnknownKeys(Set.of("id", "title", "areas"));
            String sid = s.string("id", true);
            s.about("section '" + sid + "'");
            var areas = new ArrayList<Framework.Area>();
            for (YamlNode a : s.get("areas").map(YamlNode::items).orElse(List.of())) {
                a.rejectUnknownKeys(Set.of("id", "title", "measures"));
                String aid = a.string("id", true);
                a.about("area '" + aid + "'");
                if (aid != null && !ID.matcher(aid).matches()) {
                    a.error("area id may use only letters, digits and hyphens");
                } else if (aid != null && !areaIds.add(aid)) {
                    a.error("the area id is used twice");
                }
                String atitle = a.string("title", true);
                var measures = new ArrayList<Framework.Measure>();
                var measureIds = new HashSet<String>();
                for (YamlNode m : a.get("measures").map(YamlNode::items).orElse(List.of())) {
                    m.rejectUnknownKeys(Set.of("id", "kind", "text"));
                    String mid = m.string("id", true);
                    m.about("measure '" + mid + "' in area '" + aid + "'");
                    String kind = m.string("kind", true);
                    String text = m.string("text", true);
                    if (kind != null && !KINDS.contains(kind)) {
                        m.error("kind must be quantitative, qualitative or outcome");
                    }
                    if (mid != null && !MEASURE_ID.matcher(mid).matches()) {
                        m.error("a measure id looks like quantitative-1, qualitative-2 or outcome-3");
                    } else if (mid != null && kind != null && !mid.startsWith(kind + "-")) {
                        m.error("the id does not match the kind '" + kind + "'");
                    } else if (mid != null && !measureIds.add(mid)) {
                        m.error("the measure id is used twice in this area");
                    }
                    if (mid != null && kind != null && text != null && id != null && aid != null) {
                        measures.add(new Framework.Measure(id + "/" + aid + "/" + mid, kind, aid, text));
                    }
                }
                if (measures.isEmpty()) {
                    a.error("an area needs at least one measure");
                }
                areas.add(new Framework.Area(aid, atitle, List.copyOf(measures)));
            }
            sections.add(new Framework.Section(sid, s.string("title", true), List.copyOf(areas)));
        }
        if (sections.isEmpty()) {
            root.error("a framework needs 'sections' with areas and measures");
        }
        if (id == null || title == null) {
            return Optional.empty();
        }
        return Optional.of(new Framework(id, title, source == null ? "" : source, List.copyOf(sections)));
    }
}
