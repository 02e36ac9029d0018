package org.heard.survey;

/** Whether a survey accepts answers today. */
public enum SurveyStatus {
    NOT_YET_OPEN, OPEN, CLOSED;

    public String id() {
        return name().toLowerCase();
    }
}
