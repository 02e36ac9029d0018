package org.heard.definition;

import io.micronaut.core.annotation.Nullable;

/**
 * Something wrong in a definition file, phrased for the person who edits it.
 *
 * @param file    the file, as the author would name it
 * @param line    1-based line, or 0 when the problem is with the file as a whole
 * @param subject what the problem is about, e.g. {@code question 'safe-at-home'}, or null
 * @param warning true when the definition is still usable
 */
public record Problem(String file, int line, @Nullable String subject, String message, boolean warning) {

    public static Problem error(String file, int line, @Nullable String subject, String message) {
        return new Problem(file, line, subject, message, false);
    }

    public static Problem warning(String file, int line, @Nullable String subject, String message) {
        return new Problem(file, line, subject, message, true);
    }

    @Override
    public String toString() {
        var sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (warning) {
            sb.append("warning: ");
        }
        if (subject != null) {
            sb.append(subject).append(": ");
        }
        return sb.append(message).toString();
    }
}
