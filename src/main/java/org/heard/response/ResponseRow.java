package org.heard.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A stored response. No IP address or other network detail is ever kept. */
@MappedEntity("response")
record ResponseRow(
        @Id @GeneratedValue @Nullable Long id,
        String surveyId,
        int surveyVersion,
        String channel,
        @Nullable String agency,
        Instant submittedAt,
        String idempotencyKey,
        String receiptHash,
        @Nullable String respondentKey,
        boolean legalHold) {
}
