package org.heard.survey;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Map;

/**
 * One question of a survey, as defined in its YAML file.
 *
 * @param maxLength for text questions, the longest answer accepted
 * @param min       for number questions, the smallest value accepted (or null)
 * @param max       for number questions, the largest value accepted (or null)
 * @param measures  the framework measure ids this question gives evidence for
 */
public record Question(
        String id,
        QuestionType type,
        String text,
        @Nullable String hint,
        boolean required,
        List<Option> options,
        @Nullable Scale scale,
        @Nullable Double min,
        @Nullable Double max,
        @Nullable Integer maxLength,
        boolean preferNotToSay,
        @Nullable Condition showIf,
        List<String> measures) {

    public static final String PREFER_NOT_TO_SAY = "prefer_not_to_say";

    /** Whether this question is asked, given the answers so far. */
    public boolean isAsked(Map<String, List<String>> answersSoFar) {
        return showIf == null || showIf.holds(answersSoFar);
    }

    /** Whether the question has a share of positive answers: yes, or the top two points of a scale. */
    public boolean hasPositiveShare() {
        return type == QuestionType.YES_NO || type == QuestionType.SCALE;
    }

    /**
     * Whether a positive share of this question means the same as one of {@code other}: both yes/no,
     * or scales with the same points. Only such questions are compared across waves.
     */
    public boolean sharesPositiveMeaningWith(Question other) {
        if (!hasPositiveShare() || type != other.type()) {
            return false;
        }
        return type != QuestionType.SCALE || (scale != null && other.scale() != null
                && scale.min() == other.scale().min() && scale.max() == other.scale().max());
    }

    /** The longest text accepted, with the defaults from surveys/README.md. */
    public int textLimit() {
        if (maxLength != null) {
            return maxLength;
        }
        return type == QuestionType.LONG_TEXT ? 2000 : 200;
    }

    /** The answers a person can pick, in order, including "prefer not to say" where offered. */
    public List<Option> choices(List<Option> agencies) {
        List<Option> base = switch (type) {
            case YES_NO -> List.of(new Option("yes", "Yes"), new Option("no", "No"));
            case AGENCY -> agencies;
            case SCALE -> scaleOptions();
            default -> options;
        };
        if (!preferNotToSay) {
            return base;
        }
        var all = new java.util.ArrayList<>(base);
        all.add(new Option(PREFER_NOT_TO_SAY, "Prefer not to say"));
        return List.copyOf(all);
    }

    private List<Option> scaleOptions() {
        var list = new java.util.ArrayList<Option>();
        for (int i = scale.min(); i <= scale.max(); i++) {
            String label = String.valueOf(i);
            if (i == scale.min() && scale.minLabel() != null) {
                label = i + " – " + scale.minLabel();
            } else if (i == scale.max() && scale.maxLabel() != null) {
                label = i + " – " + scale.maxLabel();
            }
            list.add(new Option(String.valueOf(i), label));
        }
        return list;
    }
}
