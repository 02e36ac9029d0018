package org.heard.survey;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A "show if" rule: the question is asked only when an earlier question was answered with one of
 * {@code values}. For a multiple choice question any chosen value counts.
 */
public record Condition(String questionId, Set<String> values) {

    public boolean holds(Map<String, List<String>> answers) {
        List<String> given = answers.get(questionId);
        return given != null && given.stream().anyMatch(values::contains);
    }
}
