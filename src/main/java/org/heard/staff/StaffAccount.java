package org.heard.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("staff_account")
record StaffAccount(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String displayName,
        String passwordHash,
        String role,
        @Nullable String agency,
        boolean active,
        Instant createdAt) {

    StaffAccount withActive(boolean now) {
        return new StaffAccount(id, username, displayName, passwordHash, role, agency, now, createdAt);
    }
}
