package org.heard.framework;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A quality assurance framework: its sections, their areas, and each area's measures. */
@Serdeable
public record Framework(String id, String title, String source, List<Section> sections) {

    @Serdeable
    public record Section(String id, String title, List<Area> areas) {
    }

    @Serdeable
    public record Area(String id, String title, List<Measure> measures) {
    }

    /**
     * @param id   the stable full id, {@code framework/area/kind-n}
     * @param kind {@code quantitative} ("how much?"), {@code qualitative} ("how well?") or
     *             {@code outcome} ("is anyone better off?")
     */
    @Serdeable
    public record Measure(String id, String kind, String area, String text) {
    }

    public List<Measure> measures() {
        return sections.stream().flatMap(s -> s.areas().stream()).flatMap(a -> a.measures().stream()).toList();
    }
}
