package org.heard.consultation;

import java.util.Arrays;
import java.util.Optional;

/** Who took part in an activity. */
public enum AudienceGroup {
    YOUNG_PEOPLES_PARLIAMENT("Young people's parliament", true),
    SCHOOL("A school", true),
    YOUTH_CLUB("A youth club", true),
    CHILDREN_IN_CARE_COUNCIL("Children in care council", true),
    OTHER_YOUNG_PEOPLE("Other children and young people", true),
    PARENTS_CARERS("Parents and carers", false),
    COMMUNITY_FAITH("Community or faith groups", false),
    VOLUNTARY_SECTOR("Voluntary sector", false),
    PRACTITIONERS("Practitioners", false);

    private final String label;
    private final boolean children;

    AudienceGroup(String label, boolean children) {
        this.label = label;
        this.children = children;
    }

    public String id() {
        return name().toLowerCase().replace('_', '-');
    }

    public String label() {
        return label;
    }

    /** Whether the group is children and young people: the frameworks count these activities. */
    public boolean children() {
        return children;
    }

    public static Optional<AudienceGroup> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id().equals(id)).findFirst();
    }
}
