package org.heard.staff;

import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passwords checked in the last few minutes, so an API client sending HTTP Basic with every request
 * does not pay the slow password hash each time (tens of milliseconds at the production rounds). An
 * entry is a keyed digest of the stored hash and the password under a key made fresh at start-up:
 * changing the password makes it worthless at once, and it never leaves the process. The account is
 * still read on every request, so a disabled account or a changed role takes effect at once.
 */
@Singleton
class RecentPasswords {
    static final Duration KEEP = Duration.ofMinutes(5);
    private static final int MOST = 10_000;

    private final Map<String, Instant> checked = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    RecentPasswords(Clock clock) {
        this.clock = clock;
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    boolean known(String storedHash, String password) {
        Instant at = checked.get(digest(storedHash, password));
        return at != null && at.plus(KEEP).isAfter(clock.instant());
    }

    void remember(String storedHash, String password) {
        if (checked.size() >= MOST) {
            Instant now = clock.instant();
            checked.values().removeIf(at -> !at.plus(KEEP).isAfter(now));
            if (checked.size() >= MOST) {
                checked.clear();
            }
        }
        checked.put(digest(storedHash, password), clock.instant());
    }

    private String digest(String storedHash, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(storedHash.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
