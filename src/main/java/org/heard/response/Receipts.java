package org.heard.response;

import jakarta.inject.Singleton;
import org.heard.platform.SecretKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Receipt codes. A code is derived from the survey and idempotency key with the service's secret,
 * so a repeated submission shows the same code without the code itself ever being stored: only its
 * hash is, to find the response when a respondent asks to see or delete it.
 */
@Singleton
class Receipts {
    // Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecretKey secret;

    Receipts(SecretKey secret) {
        this.secret = secret;
    }

    String code(String surveyId, String idempotencyKey) {
        byte[] mac = secret.hmac("receipt", surveyId + "\n" + idempotencyKey);
        var sb = new StringBuilder();
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
        }
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[(int) ((bits >>> (59 - 5 * i)) & 31)]);
        }
        return sb.toString();
    }

    static String hash(String code) {
        String normal = code.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
