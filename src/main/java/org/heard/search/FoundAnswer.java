package org.heard.search;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One free-text answer a search matched, with the fields other features group it by. */
public record FoundAnswer(long responseId, String surveyId, String questionId, String audience, String channel,
                          @Nullable String agency, Instant submittedAt, String text) {
}
