package org.heard.survey;

import java.util.Arrays;
import java.util.Optional;

/** Who a survey is for. The wire and file form is the lower-case id. */
public enum Audience {
    CHILDREN_YOUNG_PEOPLE("children_young_people", "Children and young people"),
    PARENTS_CARERS("parents_carers", "Parents and carers"),
    STAFF("staff", "Frontline staff"),
    TRAINING_ATTENDEES("training_attendees", "Training attendees"),
    COMMUNITY("community", "Community");

    private final String id;
    private final String label;

    Audience(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Young people's surveys use warmer wording and the safeguarding promise up front. */
    public boolean isYoung() {
        return this == CHILDREN_YOUNG_PEOPLE;
    }

    /** What people read for an audience id; an id no audience has is shown as it is. */
    public static String labelOf(String id) {
        return fromId(id).map(Audience::label).orElse(id);
    }

    public static Optional<Audience> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
