package org.heard.platform;

import com.fasterxml.jackson.core.JacksonException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Turns every error Micronaut raises (bad JSON, too large, not found, unexpected failures) into an
 * {@link ApiError}. Unexpected failures get a reference id that is logged, never a stack trace.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
class JsonErrors implements JsonErrorResponseBodyProvider<ApiError> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);

    @Override
    public ApiError body(ErrorContext context, HttpResponse<?> response) {
        int status = response.code();
        Throwable cause = context.getRootCause().orElse(null);
        return switch (response.getStatus()) {
            case BAD_REQUEST -> ApiError.of(status, "bad_request", badRequestMessage(context, cause));
            case UNAUTHORIZED -> ApiError.of(status, "unauthorized", "Sign in to use this.");
            case FORBIDDEN -> ApiError.of(status, "forbidden", "Your role does not allow this.");
            case NOT_FOUND -> ApiError.of(status, "not_found", "There is nothing here.");
            case METHOD_NOT_ALLOWED -> ApiError.of(status, "method_not_allowed", "This address does not accept that method.");
            case REQUEST_ENTITY_TOO_LARGE -> ApiError.of(status, "too_large", "The request is too large. Send at most 1 MB.");
            case UNSUPPORTED_MEDIA_TYPE -> ApiError.of(status, "unsupported_media_type", "Send the body as application/json.");
            default -> {
                if (status >= 500) {
                    String ref = UUID.randomUUID().toString().substring(0, 8);
                    LOG.error("Unexpected error {} on {} {}", ref, context.getRequest().getMethod(), context.getRequest().getPath(), cause);
                    yield ApiError.of(status, "server_error", "Something went wrong on our side. Please try again. Reference " + ref + ".");
                }
                yield ApiError.of(status, HttpStatus.valueOf(status).name().toLowerCase(),
                        context.getErrors().isEmpty() ? HttpStatus.valueOf(status).getReason() : context.getErrors().getFirst().getMessage());
            }
        };
    }

    private static String badRequestMessage(ErrorContext context, Throwable cause) {
        if (cause instanceof JacksonException || cause instanceof ConversionErrorException c && c.getCause() instanceof JacksonException) {
            return "The request body is not valid JSON.";
        }
        if (!context.getErrors().isEmpty()) {
            String m = context.getErrors().getFirst().getMessage();
            if (m != null && (m.contains("Error decoding") || m.startsWith("Failed to convert argument [body]"))) {
                return "The request body is not valid JSON.";
            }
            return m;
        }
        return "The request is not valid.";
    }
}
