package org.heard.survey;

/** The bounds of a scale question and the words at each end. */
public record Scale(int min, int max, String minLabel, String maxLabel) {
}
