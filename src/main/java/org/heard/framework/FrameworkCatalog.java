package org.heard.framework;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.heard.definition.Problem;
import org.heard.survey.MeasureIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The frameworks read at start-up from {@code ${HEARD_SURVEYS_DIR}/frameworks}. */
@Singleton
public class FrameworkCatalog implements MeasureIndex {
    private static final Logger LOG = LoggerFactory.getLogger(FrameworkCatalog.class);

    private final Map<String, Framework> frameworks;
    private final Map<String, Framework.Measure> measures = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    FrameworkCatalog(@Value("${heard.surveys-dir:./surveys}") String surveysDir) {
        this.frameworks = FrameworkReader.read(Path.of(surveysDir, "frameworks"), problems);
        frameworks.values().forEach(f -> f.measures().forEach(m -> measures.put(m.id(), m)));
        problems.forEach(p -> LOG.warn("Framework problem: {}", p));
    }

    public Collection<Framework> all() {
        return frameworks.values();
    }

    public Optional<Framework> find(String id) {
        return Optional.ofNullable(frameworks.get(id));
    }

    /** Whether {@code framework/area} (e.g. {@code harrow-qaf-2015/B2-children}) names an area of a loaded framework. */
    public boolean areaExists(String frameworkArea) {
        int slash = frameworkArea.indexOf('/');
        return slash > 0 && find(frameworkArea.substring(0, slash)).map(f -> f.sections().stream()
                .flatMap(s -> s.areas().stream()).anyMatch(a -> a.id().equals(frameworkArea.substring(slash + 1)))).orElse(false);
    }

    public Optional<Framework.Measure> measure(String id) {
        return Optional.ofNullable(measures.get(id));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public boolean exists(String measureId) {
        return measures.containsKey(measureId);
    }

    /** Once any framework is loaded, a question naming a measure that does not exist is an error. */
    @Override
    public boolean strict() {
        return !frameworks.isEmpty();
    }
}
