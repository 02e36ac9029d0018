package org.heard.survey;

/** One answer a choice question offers: the value the API and storage use, and the label people see. */
public record Option(String value, String label) {
}
