package org.heard.response;

import java.util.Arrays;
import java.util.Optional;

/** How a response reached Heard. */
@io.micronaut.serde.annotation.Serdeable
public enum Channel {
    WEB, API, TELEGRAM, IMPORT;

    public String id() {
        return name().toLowerCase();
    }

    public static Optional<Channel> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst();
    }
}
