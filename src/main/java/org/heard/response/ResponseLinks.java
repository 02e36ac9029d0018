package org.heard.response;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the {@link ResponseLink} a {@code kind:reference} value names. */
@Singleton
public class ResponseLinks {
    private static final Pattern SHAPE = Pattern.compile("([a-z][a-z-]{0,30}):([A-Za-z0-9_-]{1,64})");

    private final List<ResponseLink> links;

    ResponseLinks(List<ResponseLink> links) {
        this.links = links;
    }

    /** A link and the reference it was given. */
    public record Resolved(ResponseLink link, String reference, String value) {
    }

    /** The link this value names; empty when it is malformed or no feature issues links of its kind. */
    public Optional<Resolved> resolve(@Nullable String value) {
        if (value == null) {
            return Optional.empty();
        }
        var m = SHAPE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return links.stream().filter(l -> l.kind().equals(m.group(1))).findFirst()
                .map(l -> new Resolved(l, m.group(2), value));
    }
}
