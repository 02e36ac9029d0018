package org.heard.training;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** A person's three-month follow-up: when it is due, what was sent, and how it ended. */
record Invitation(long id, String pairToken, long sessionId, @Nullable String email, Instant inviteDueAt, Instant closesAt,
                  @Nullable Instant invitedAt, @Nullable Instant reminderDueAt, @Nullable Instant remindedAt,
                  @Nullable Instant respondedAt, @Nullable Instant unsubscribedAt, int attempts) {
}
