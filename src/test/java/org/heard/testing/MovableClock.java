package org.heard.testing;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can set, for anything that depends on dates (periods, follow-ups, expiry). */
public class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    public void set(Instant instant) {
        this.now = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Replaces the service's clock in contexts that set {@code heard.test.clock=movable}. */
    @Factory
    @Requires(property = "heard.test.clock", value = "movable")
    static class MovableClockFactory {
        @Singleton
        @Replaces(Clock.class)
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
