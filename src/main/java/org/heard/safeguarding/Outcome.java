package org.heard.safeguarding;

import java.util.Arrays;
import java.util.Optional;

/** What a lead did about an alert when closing it. */
public enum Outcome {
    REFERRED_FRONT_DOOR("Referred to the front door"),
    REFERRED_POLICE("Referred to the police"),
    ALREADY_KNOWN("Already known and being supported"),
    NO_FURTHER_ACTION("No further action");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String id() {
        return name().toLowerCase();
    }

    public String label() {
        return label;
    }

    public static Optional<Outcome> fromId(String id) {
        return Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst();
    }
}
