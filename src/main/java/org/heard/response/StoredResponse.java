package org.heard.response;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A response as stored, with its answers keyed by question id in survey order of entry. */
@io.micronaut.serde.annotation.Serdeable
public record StoredResponse(long id, String surveyId, int surveyVersion, Channel channel, @Nullable String agency,
                             Instant submittedAt, boolean legalHold, Map<String, List<String>> answers) {
}
