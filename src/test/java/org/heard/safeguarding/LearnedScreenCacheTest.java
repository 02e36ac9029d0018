package org.heard.safeguarding;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learned screen kept between starts reads exactly as the one trained, and is never used for other examples. */
class LearnedScreenCacheTest {
    @TempDir
    Path tmp;
    Path examples;
    Path cache;
    List<String> texts;

    /** Every 6th of the shipped examples and everyday answers: the same kinds of text, trained in a second. */
    @BeforeEach
    void someOfTheShippedExamples() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("safeguarding"));
        examples = dir.resolve("examples.csv");
        Files.write(examples, everySixth(Path.of("surveys/safeguarding/examples.csv")), StandardCharsets.UTF_8);
        Files.write(dir.resolve(LearnedScreen.EVERYDAY), everySixth(Path.of("surveys/safeguarding/everyday.csv")), StandardCharsets.UTF_8);
        cache = tmp.resolve("cache");
        texts = new ArrayList<>();
        LearnedScreen.read(Path.of("surveys/safeguarding/examples.csv")).forEach(e -> texts.add(e.text()));
        LearnedScreen.everyday(Path.of("surveys/safeguarding/everyday.csv")).forEach(e -> texts.add(e.text()));
    }

    private static List<String> everySixth(Path file) throws IOException {
        // Rows never span lines in these files, so every 6th line is every 6th row.
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        var out = new ArrayList<String>(List.of(lines.getFirst()));
        for (int i = 1; i < lines.size(); i += 6) {
            out.add(lines.get(i));
        }
        return out;
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }

    private void assertReadsAlike(LearnedScreen expected, LearnedScreen actual) {
        int flagged = 0;
        for (String t : texts) {
            var categories = expected.categories(t);
            assertEquals(categories, actual.categories(t), t);
            flagged += categories.isEmpty() ? 0 : 1;
        }
        assertTrue(flagged > 1000, "the comparison covers flagged answers too: " + flagged);
    }

    @Test
    void aKeptScreenReadsEveryTextExactlyAsTheTrainedOne() throws IOException {
        LearnedScreen trained = LearnedScreen.train(examples, LearnedScreen.THRESHOLD);
        LearnedScreen first = LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, cache);
        assertEquals(1, kept().size(), "trained once and kept");
        long written = Files.getLastModifiedTime(kept().getFirst()).toMillis();

        LearnedScreen read = LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, cache);
        assertEquals(written, Files.getLastModifiedTime(kept().getFirst()).toMillis(), "read, not trained and written again");
        assertReadsAlike(trained, first);
        assertReadsAlike(trained, read);
        // The threshold is applied when reading, so a kept screen serves any configured threshold.
        assertReadsAlike(trained.withThreshold(0.9), LearnedScreenCache.trainOrRead(examples, 0.9, cache));
    }

    @Test
    void changedExamplesAreTrainedAgainAndTheOldScreenIsRemoved() throws IOException {
        LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, cache);
        Path before = kept().getFirst();
        String fingerprint = LearnedScreenCache.fingerprint(examples);

        Path leftBehind = Files.writeString(cache.resolve("learned-screen-123.part"), "a start that stopped while writing");
        Files.setLastModifiedTime(leftBehind, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(1))));
        Path beingWritten = Files.writeString(cache.resolve("learned-screen-456.part"), "another instance writing now");
        Files.writeString(examples, "\"they said they will post my pics everywhere unless i send more\",\"disclosure\",\"sexual_abuse\",\"child\"\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(fingerprint, LearnedScreenCache.fingerprint(examples));
        LearnedScreen again = LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, cache);

        List<Path> screens = kept().stream().filter(p -> p.toString().endsWith(".bin")).toList();
        assertEquals(1, screens.size(), "the old screen is gone");
        assertNotEquals(before, screens.getFirst());
        assertFalse(Files.exists(leftBehind), "a part file left by a start that stopped is gone");
        assertTrue(Files.exists(beingWritten), "one another instance may be writing now stays");
        assertReadsAlike(LearnedScreen.train(examples, LearnedScreen.THRESHOLD), again);
    }

    @Test
    void aDamagedKeptScreenIsTrainedAgainNotTrusted() throws IOException {
        LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, cache);
        Path file = kept().getFirst();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        LearnedScreen again = LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, cache);
        assertReadsAlike(LearnedScreen.train(examples, LearnedScreen.THRESHOLD), again);
        assertEquals(whole.length, Files.size(file), "kept whole again");

        // Whole and well-formed as far as it goes, but claiming a vocabulary no heap could hold.
        try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(LearnedScreenCache.MAGIC);
            out.writeDouble(0.5);
            out.writeInt(Integer.MAX_VALUE);
        }
        assertReadsAlike(LearnedScreen.train(examples, LearnedScreen.THRESHOLD), LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, cache));
        assertEquals(whole.length, Files.size(file), "kept whole again");

        Files.writeString(file, "not a screen at all");
        assertReadsAlike(LearnedScreen.train(examples, LearnedScreen.THRESHOLD), LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, cache));
        assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).startsWith("not a screen"));
    }

    @Test
    void aDataFolderThatCannotBeWrittenOnlyCostsTraining() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("in-the-way"), "a file where the folder should be");
        LearnedScreen screen = LearnedScreenCache.trainOrRead(examples, LearnedScreen.THRESHOLD, notAFolder.resolve("cache"));
        assertReadsAlike(LearnedScreen.train(examples, LearnedScreen.THRESHOLD), screen);
        assertEquals("a file where the folder should be", Files.readString(notAFolder));
    }
}
