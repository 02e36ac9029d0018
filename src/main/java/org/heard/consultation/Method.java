package org.heard.consultation;

import java.util.Arrays;
import java.util.Optional;

/** How an activity heard from people. */
public enum Method {
    SURVEY("Survey"), FOCUS_GROUP("Focus group"), EVENT("Event"), DRAMA_FEEDBACK("Drama feedback"),
    LISTENING_EVENT("Listening event"), CHAIR_SURGERY("Chair surgery"), ONLINE("Online"), OTHER("Other");

    private final String label;

    Method(String label) {
        this.label = label;
    }

    public String id() {
        return name().toLowerCase().replace('_', '-');
    }

    public String label() {
        return label;
    }

    public static Optional<Method> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id().equals(id)).findFirst();
    }
}
