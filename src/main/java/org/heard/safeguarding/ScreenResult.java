package org.heard.safeguarding;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The outcome of screening one text. */
@Serdeable
public record ScreenResult(boolean flagged, List<String> categories, List<Match> matches) {

    static final ScreenResult CLEAR = new ScreenResult(false, List.of(), List.of());
}
