package org.heard.search;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What to search for: a query in Lucene's syntax (words, "phrases", AND/OR/NOT, trailing*) and
 * optional filters. {@code agencyScope} is set for agency leads and cannot be widened.
 */
public record SearchRequest(@Nullable String q, @Nullable String audience, @Nullable String survey, @Nullable String question,
                            @Nullable String agency, @Nullable String channel, @Nullable String measure,
                            @Nullable LocalDate from, @Nullable LocalDate to, int page, int size, boolean byDate,
                            @Nullable String agencyScope) {
}
