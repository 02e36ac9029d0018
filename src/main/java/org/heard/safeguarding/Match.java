package org.heard.safeguarding;

import io.micronaut.serde.annotation.Serdeable;

/** One indicator found in a text: its category, the indicator as written in the file, and the words it matched. */
@Serdeable
public record Match(String category, String indicator, String matchedText) {
}
