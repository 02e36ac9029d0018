package org.heard.training;

/** When an evaluation was given: on the day, or at the follow-up. */
enum Stage {
    DAY("day"), FOLLOW_UP("follow-up");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }
}
