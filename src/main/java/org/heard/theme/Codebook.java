package org.heard.theme;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Optional;

/**
 * A named set of themes to code free text with.
 *
 * @param threshold the confidence from which a suggestion is offered and exported (0 to 1)
 */
@Serdeable
public record Codebook(String name, String title, String description, double threshold, List<Theme> themes) {

    public static final double DEFAULT_THRESHOLD = 0.5;

    /**
     * One theme.
     *
     * @param parent the name of a broader theme in the same codebook, or null
     * @param query  a search query (same syntax as search) whose matches are tagged automatically, or null
     */
    @Serdeable
    public record Theme(String name, String description, @Nullable String parent, @Nullable String query) {
    }

    public Optional<Theme> theme(String themeName) {
        return themes.stream().filter(t -> t.name().equalsIgnoreCase(themeName)).findFirst();
    }
}
