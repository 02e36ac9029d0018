package org.heard.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A possible disclosure (or a failed notification) waiting for a safeguarding lead.
 *
 * @param kind    {@code disclosure} or {@code notification_failure}
 * @param answers the flagged answers as the respondent wrote them (empty once the respondent has
 *                erased their response)
 */
@Serdeable
public record Alert(long id, String kind, @Nullable Long responseId, @Nullable String surveyId, @Nullable String channel,
                    List<String> categories, String status, Instant raisedAt, @Nullable Instant acknowledgedAt,
                    @Nullable String acknowledgedBy, @Nullable Instant closedAt, @Nullable String closedBy,
                    @Nullable String outcome, @Nullable String note, @Nullable Instant escalatedAt,
                    List<FlaggedAnswer> answers, List<Step> history) {

    /** A flagged answer: the question, the text, and the indicators it matched. */
    @Serdeable
    public record FlaggedAnswer(String questionId, String text, List<String> indicators) {
    }

    /** One time-stamped step: raised, viewed, acknowledged, closed, escalated, notified. */
    @Serdeable
    public record Step(String action, String username, Instant at, @Nullable String note) {
    }
}
