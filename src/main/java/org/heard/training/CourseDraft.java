package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A course as sent by a form or the API, before checking. A missing ref is made up. */
@Serdeable
public record CourseDraft(@Nullable String ref, @Nullable String title, @Nullable List<String> outcomes,
                          @Nullable List<String> areas, @Nullable List<String> measures) {
}
