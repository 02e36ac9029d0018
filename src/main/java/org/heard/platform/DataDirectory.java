package org.heard.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Prepares the data folder before Micronaut starts: when no secret key is configured, one is made
 * once and kept there, so receipts and chat-id hashes stay valid across restarts.
 */
public final class DataDirectory {
    private DataDirectory() {
    }

    public static void prepare() {
        if (present(System.getenv("HEARD_SECRET_KEY")) || present(System.getProperty("heard.secret-key"))) {
            return;
        }
        String dir = firstPresent(System.getProperty("heard.data-dir"), System.getenv("HEARD_DATA_DIR"), "./data");
        Path file = Path.of(dir, "secret.key");
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                Files.writeString(file, HexFormat.of().formatHex(bytes));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system; the folder's own permissions protect it
                }
            }
            System.setProperty("heard.secret-key", Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the data folder " + dir, e);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String firstPresent(String... values) {
        for (String v : values) {
            if (present(v)) {
                return v;
            }
        }
        return null;
    }
}
