package org.heard.staff;

import org.heard.testing.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A password checked a moment ago is known; a wrong one, a changed one, or one checked too long ago is not. */
class RecentPasswordsTest {

    @Test
    void remembersOnlyTheSamePasswordForTheSameStoredHashForAFewMinutes() {
        var clock = new MovableClock();
        clock.set(Instant.parse("2030-01-01T10:00:00Z"));
        var recent = new RecentPasswords(clock);
        assertFalse(recent.known("hash-1", "correct horse"));
        recent.remember("hash-1", "correct horse");
        assertTrue(recent.known("hash-1", "correct horse"));
        assertFalse(recent.known("hash-1", "correct horse "), "another password");
        assertFalse(recent.known("hash-2", "correct horse"), "the password was changed, so the stored hash is new");
        clock.set(Instant.parse("2030-01-01T10:04:59Z"));
        assertTrue(recent.known("hash-1", "correct horse"));
        clock.set(Instant.parse("2030-01-01T10:05:00Z"));
        assertFalse(recent.known("hash-1", "correct horse"), "checked too long ago: the slow hash runs again");
    }
}
