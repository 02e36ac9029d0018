package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A session as sent by a form or the API, before checking; {@code heldOn} is YYYY-MM-DD. */
@Serdeable
public record SessionDraft(@Nullable String heldOn, @Nullable String trainer, @Nullable String venue, @Nullable Integer capacity) {
}
