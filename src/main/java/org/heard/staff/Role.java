package org.heard.staff;

import java.util.Arrays;
import java.util.Optional;

/** What a member of staff may do. Endpoints name roles in {@code @Secured}. */
public enum Role {
    /** Manages accounts and the service; reads everything. */
    ADMIN,
    /** Board and partnership analysts: search, themes, reports. */
    ANALYST,
    /** Designated safeguarding leads: the alert queue and free text. */
    SAFEGUARDING_LEAD,
    /** Sees their own agency's evidence only. */
    AGENCY_LEAD,
    /** Reads aggregate reports; never free text. */
    VIEWER;

    public static Optional<Role> parse(String s) {
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(s)).findFirst();
    }
}
