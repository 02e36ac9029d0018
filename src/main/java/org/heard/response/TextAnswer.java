package org.heard.response;

/** A free-text answer, the part of a response that search, themes and safeguarding read. */
public record TextAnswer(String questionId, String text) {
}
