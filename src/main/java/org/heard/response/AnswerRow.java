package org.heard.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * One value of one answer. A multiple choice answer has a row per chosen option, so reports can
 * count options with plain SQL.
 */
@MappedEntity("answer")
record AnswerRow(
        @Id @GeneratedValue @Nullable Long id,
        long responseId,
        String questionId,
        @Nullable String valueChoice,
        @Nullable Double valueNumber,
        @Nullable String valueText) {

    String value() {
        if (valueText != null) {
            return valueText;
        }
        if (valueChoice != null) {
            return valueChoice;
        }
        return valueNumber == null ? "" : java.math.BigDecimal.valueOf(valueNumber).stripTrailingZeros().toPlainString();
    }
}
