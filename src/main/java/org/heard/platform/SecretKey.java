package org.heard.platform;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The service's secret ({@code HEARD_SECRET_KEY}; on the embedded default a random key kept in the
 * data folder). Keyed hashes made with it let us recognise a receipt code or a chat id without
 * storing it.
 */
@Singleton
public class SecretKey {
    private final SecretKeySpec key;

    SecretKey(@Value("${heard.secret-key}") String secret) {
        if (secret.length() < 32) {
            throw new IllegalStateException("HEARD_SECRET_KEY must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** HMAC-SHA256 of {@code data}, domain-separated by {@code purpose} so one hash never stands for another. */
    public byte[] hmac(String purpose, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String hmacHex(String purpose, String data) {
        return java.util.HexFormat.of().formatHex(hmac(purpose, data));
    }
}
