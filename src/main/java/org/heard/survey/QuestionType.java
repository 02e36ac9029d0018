package org.heard.survey;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question a survey can ask. */
public enum QuestionType {
    SINGLE_CHOICE, MULTIPLE_CHOICE, SCALE, YES_NO, SHORT_TEXT, LONG_TEXT, NUMBER, DATE, AGENCY;

    public String id() {
        return name().toLowerCase();
    }

    /** Answers a person types in their own words: screened, indexed and themed. */
    public boolean isFreeText() {
        return this == SHORT_TEXT || this == LONG_TEXT;
    }

    /** Answers picked from a fixed list of values. */
    public boolean isChoice() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == YES_NO || this == AGENCY;
    }

    public static Optional<QuestionType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }
}
