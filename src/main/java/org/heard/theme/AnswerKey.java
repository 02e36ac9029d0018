package org.heard.theme;

import io.micronaut.serde.annotation.Serdeable;

/** One free-text answer: the response it belongs to and its question. */
@Serdeable
public record AnswerKey(long responseId, String questionId) {
}
