package org.heard.survey;

import java.util.Arrays;
import java.util.Optional;

/** How much a survey knows about who answered. */
public enum Anonymity {
    ANONYMOUS, PSEUDONYMOUS, IDENTIFIED;

    public String id() {
        return name().toLowerCase();
    }

    public static Optional<Anonymity> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }
}
