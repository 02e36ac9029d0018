package org.heard.survey;

import java.util.Arrays;
import java.util.Optional;

/** Where a survey is offered to respondents. The JSON API accepts any survey that is open. */
public enum SurveyChannel {
    WEB, TELEGRAM;

    public String id() {
        return name().toLowerCase();
    }

    public static Optional<SurveyChannel> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
