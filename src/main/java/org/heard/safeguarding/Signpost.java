package org.heard.safeguarding;

import io.micronaut.serde.annotation.Serdeable;

/** What a young person is told at once when an answer may be a disclosure. */
@Serdeable
public record Signpost(boolean flagged, @io.micronaut.core.annotation.Nullable String message) {

    static final Signpost NONE = new Signpost(false, null);
}
