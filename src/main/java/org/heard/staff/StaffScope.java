package org.heard.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;

/** Which agency a signed-in person is limited to: agency leads see their own agency only. */
public final class StaffScope {
    private StaffScope() {
    }

    /** The agency an agency lead is scoped to, or empty for roles that see the whole partnership. */
    public static Optional<String> agencyOf(Authentication auth) {
        if (!auth.getRoles().contains(Role.AGENCY_LEAD.name()) || auth.getRoles().contains(Role.ADMIN.name())) {
            return Optional.empty();
        }
        Object a = auth.getAttributes().get(StaffAuthentication.AGENCY);
        // A lead without an agency sees nothing rather than everything.
        return Optional.of(a == null ? "" : a.toString());
    }

    /** Whether this person may see a record belonging to {@code agency}. */
    public static boolean maySee(Authentication auth, @Nullable String agency) {
        return agencyOf(auth).map(mine -> mine.equals(agency)).orElse(true);
    }
}
