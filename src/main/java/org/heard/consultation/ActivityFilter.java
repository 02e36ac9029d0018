package org.heard.consultation;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** Which activities to list: every field is optional. */
public record ActivityFilter(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String audience,
                             @Nullable String area, @Nullable String method, @Nullable String agency) {

    public static final ActivityFilter ALL = new ActivityFilter(null, null, null, null, null, null);
}
