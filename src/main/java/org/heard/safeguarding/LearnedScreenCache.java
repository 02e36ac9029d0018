package org.heard.safeguarding;

import org.apache.lucene.util.Version;
import org.heard.learning.LinearClassifier;
import org.heard.learning.TextFeatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps the trained learned screen in the data folder, so a restart reads it in about a second
 * instead of training it again for seven. The file is named by a fingerprint of everything training
 * depends on: the examples, the everyday answers, the code that trains and reads them and Lucene's
 * stemmer. Change any of them and the name changes, so a screen trained on other examples or by other
 * code is never used. A file that cannot be read is trained again, never trusted in part.
 */
final class LearnedScreenCache {
    private static final Logger LOG = LoggerFactory.getLogger(LearnedScreenCache.class);
    private static final String PREFIX = "learned-screen-";
    private static final String SUFFIX = ".bin";
    static final String MAGIC = "heard learned screen 1";
    /** The classes whose code decides what training makes of the examples. */
    private static final Class<?>[] TRAINING_CODE = {LearnedScreen.class, WordScreen.class, TextNormaliser.class,
            LinearClassifier.class, TextFeatures.class};

    private LearnedScreenCache() {
    }

    /** The screen trained on these examples: read from {@code dir} when it was kept there, else trained and kept. */
    static LearnedScreen trainOrRead(Path examples, double threshold, Path dir) throws IOException {
        Path file = dir.resolve(PREFIX + fingerprint(examples) + SUFFIX);
        if (Files.isRegularFile(file)) {
            long start = System.nanoTime();
            try (var in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
                if (!MAGIC.equals(in.readUTF())) {
                    throw new IOException("it is not a learned screen");
                }
                LearnedScreen screen = LearnedScreen.read(in, threshold);
                if (in.read() != -1) {
                    throw new IOException("it goes on past the end of the screen");
                }
                LOG.info("Learned safeguarding screen read from {} in {} ms", file.getFileName(), (System.nanoTime() - start) / 1_000_000);
                return screen;
            } catch (IOException | RuntimeException e) {
                LOG.warn("The kept learned safeguarding screen {} cannot be read ({}); training it again", file, e.getMessage());
            }
        }
        LearnedScreen screen = LearnedScreen.train(examples, threshold);
        keep(screen, dir, file);
        return screen;
    }

    /** Writes the screen beside any older ones, then removes them; a data folder that cannot be written only costs the next start time. */
    private static void keep(LearnedScreen screen, Path dir, Path file) {
        try {
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, PREFIX, ".part");
            try {
                try (var out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)))) {
                    out.writeUTF(MAGIC);
                    screen.write(out);
                }
                // Whole or not at all: a start that reads it never sees half a file.
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            try (var kept = Files.list(dir)) {
                for (Path old : kept.filter(p -> !p.equals(file) && isOutdated(p)).toList()) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The learned safeguarding screen could not be kept in {} ({}); it will be trained again at the next start", dir, e.getMessage());
        }
    }

    /**
     * A screen kept for other examples or code, or a part file left by a start that stopped while writing.
     * A recent part file may be another instance writing beside this one (a shared data folder), so it stays.
     */
    private static boolean isOutdated(Path p) {
        String name = p.getFileName().toString();
        if (!name.startsWith(PREFIX)) {
            return false;
        }
        if (name.endsWith(SUFFIX)) {
            return true;
        }
        try {
            return name.endsWith(".part")
                    && Files.getLastModifiedTime(p).toInstant().isBefore(java.time.Instant.now().minus(java.time.Duration.ofHours(1)));
        } catch (IOException e) {
            return false;
        }
    }

    static String fingerprint(Path examples) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(MAGIC.getBytes(StandardCharsets.UTF_8));
            digest.update(Version.LATEST.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(examples));
            Path everyday = examples.resolveSibling(LearnedScreen.EVERYDAY);
            if (Files.exists(everyday)) {
                digest.update(Files.readAllBytes(everyday));
            }
            for (Class<?> c : TRAINING_CODE) {
                try (InputStream code = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                    if (code == null) {
                        throw new IOException("the code of " + c.getName() + " cannot be read");
                    }
                    digest.update(code.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
