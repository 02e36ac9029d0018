package org.heard.response;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Published once a new response has committed (never for a repeated submission). It carries the
 * free text so listeners that must act at once (safeguarding) need not read it back.
 */
public record ResponseSubmitted(long responseId, String surveyId, int surveyVersion, Channel channel,
                                @Nullable String agency, Instant submittedAt, List<TextAnswer> texts) {
}
