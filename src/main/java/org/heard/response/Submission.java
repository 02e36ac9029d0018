package org.heard.response;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * A set of answers as a channel received them, before checking.
 *
 * @param answers        question id to the values given (one for most questions, several for
 *                       multiple choice), as text
 * @param idempotencyKey the same key twice stores one response; null makes one up
 * @param respondentKey  a pseudonymous key for the respondent (e.g. a keyed hash of a chat id) so
 *                       they can later erase their answers; null for anonymous web answers
 * @param link           the {@link ResponseLink} the answers came through ({@code kind:reference}), or null
 * @param linkValues     the values of that link's own fields; never stored as answers
 */
public record Submission(String surveyId, Channel channel, Map<String, List<String>> answers,
                         @Nullable String idempotencyKey, @Nullable String respondentKey,
                         @Nullable String link, Map<String, String> linkValues) {

    public Submission(String surveyId, Channel channel, Map<String, List<String>> answers,
                      @Nullable String idempotencyKey, @Nullable String respondentKey) {
        this(surveyId, channel, answers, idempotencyKey, respondentKey, null, Map.of());
    }
}
