package org.heard.survey;

import java.util.Map;

/**
 * Says that a survey is a later wave of a baseline survey (its {@code followUpOf} field), so reports
 * can show the change from one wave to the next. A follow-up question is compared with the baseline
 * question of the same id, or with the one it names in {@code repeats}.
 *
 * @param baseline the baseline survey's id
 * @param repeats  follow-up question id to the baseline question id it asks again, where the ids differ
 */
public record FollowUp(String baseline, Map<String, String> repeats) {

    /** The id of the baseline question that a follow-up question asks again. */
    public String baselineQuestion(String followUpQuestionId) {
        return repeats.getOrDefault(followUpQuestionId, followUpQuestionId);
    }
}
