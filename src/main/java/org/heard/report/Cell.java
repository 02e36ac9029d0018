package org.heard.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One published count. A suppressed count has no value: it is shown as {@code c} in HTML and CSV
 * and as {@code null} with {@code "suppressed": true} in JSON. A true zero is shown as 0.
 */
@Serdeable
public record Cell(@JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long value, boolean suppressed) {

    public static final String SYMBOL = "c";

    public static Cell shown(long n) {
        return new Cell(n, false);
    }

    public static Cell hidden() {
        return new Cell(null, true);
    }

    /** The text for HTML and CSV. */
    public String text() {
        return suppressed ? SYMBOL : String.valueOf(value);
    }
}
