package org.heard.report;

import io.micronaut.core.annotation.Nullable;
import org.heard.survey.Question;
import org.heard.survey.QuestionType;

import java.util.List;

/**
 * Positive answers to one closed question out of its base: {@code yes}, or the top two points of a
 * scale ("agree", "safe"), out of every answer but "prefer not to say".
 */
record Share(long positive, long base) {

    /** The share among the counted values, or null for a question with no positive share. */
    @Nullable
    static Share of(Question q, List<ResponseFigures.Value> values) {
        if (!q.hasPositiveShare()) {
            return null;
        }
        long base = 0;
        long positive = 0;
        for (var v : values) {
            if (!v.questionId().equals(q.id())) {
                continue;
            }
            if (q.type() == QuestionType.YES_NO && v.choice() != null && !v.choice().equals(Question.PREFER_NOT_TO_SAY)) {
                base += v.answers();
                positive += v.choice().equals("yes") ? v.answers() : 0;
            } else if (q.type() == QuestionType.SCALE && v.number() != null) {
                base += v.answers();
                positive += v.number() >= q.scale().max() - 1 ? v.answers() : 0;
            }
        }
        return new Share(positive, base);
    }

    double proportion() {
        return (double) positive / base;
    }

    /** The share as a whole percentage; only for a base large enough to publish one. */
    int percent() {
        return (int) Math.round(100 * proportion());
    }

    /**
     * Whether this share and another differ by more than chance at their sample sizes: a two-proportion
     * z-test on the pooled share, p below 0.05 (two-sided).
     */
    boolean differsFrom(Share other) {
        double pooled = (double) (positive + other.positive) / (base + other.base);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / base + 1.0 / other.base));
        return se > 0 && Math.abs(proportion() - other.proportion()) / se > 1.96;
    }
}
