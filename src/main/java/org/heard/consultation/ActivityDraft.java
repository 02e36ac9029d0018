package org.heard.consultation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An activity as typed into the form, sent as JSON or read from a CSV row, before checking. Every
 * entry point goes through {@link ActivityRules}, so all three accept exactly the same things.
 */
@Serdeable
public record ActivityDraft(@Nullable String ref, @Nullable String heldOn, @Nullable String title,
                            @Nullable List<String> audiences, @Nullable List<String> areas, @Nullable List<String> measures,
                            @Nullable String method, @Nullable String participants, @Nullable String under11,
                            @Nullable String from11To15, @Nullable String from16To17, @Nullable String adults,
                            @Nullable String leadAgency, @Nullable List<String> surveys, @Nullable String keyMessages,
                            @Nullable String followUp) {

    static List<String> orEmpty(@Nullable List<String> l) {
        return l == null ? List.of() : l.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }
}
