package org.heard.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The one shape of every JSON error Heard returns: the HTTP status, a stable machine-readable code,
 * a message a person can act on, and, for invalid answers, what to fix per field.
 */
@Serdeable
public record ApiError(int status, String error, String message, @Nullable Map<String, String> errors) {

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, null);
    }
}
