package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One person on a session's register: the agency is required, name and email are optional. */
@Serdeable
public record AttendeeDraft(@Nullable String agency, @Nullable String name, @Nullable String email) {
}
