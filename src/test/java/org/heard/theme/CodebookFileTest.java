package org.heard.theme;

import org.heard.cli.ValidateCommand;
import org.heard.definition.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Codebook files: what is written reads back the same, and a broken file names its lines. */
class CodebookFileTest {

    @Test
    void everyShippedCodebookReadsBackUnchangedAfterWriting() {
        var problems = new ArrayList<Problem>();
        Map<Path, Codebook> files = CodebookFile.readFolder(Path.of("surveys/codebooks"), problems);
        assertEquals(List.of(), problems);
        assertTrue(files.size() >= 1);
        for (Codebook cb : files.values()) {
            assertEquals(cb, CodebookFile.read(CodebookFile.write(cb), "again.yaml", problems).orElseThrow());
        }
        Codebook tricky = new Codebook("tricky", "Quotes \" and: colons", "Line one\nline two: '#' and \"x\"", 0.35,
                List.of(new Codebook.Theme("Say \"no\"", "- starts with a dash", null, "\"waiting list\" OR wait*"),
                        new Codebook.Theme("Child", "", "Say \"no\"", null)));
        assertEquals(tricky, CodebookFile.read(CodebookFile.write(tricky), "tricky.yaml", problems).orElseThrow());
        assertEquals(List.of(), problems);
    }

    @Test
    void validateNamesTheFileAndLineOfABrokenCodebook() {
        var out = new ByteArrayOutputStream();
        int exit = ValidateCommand.run(new String[] {"validate", "src/test/resources/broken-codebooks"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit);
        assertTrue(printed.contains("codebooks/bad.yaml:1: codebook name 'Bad Name' may use only lower-case letters, digits and hyphens"), printed);
        assertTrue(printed.contains("codebooks/bad.yaml:4: theme 'one': the theme name is used twice"), printed);
    }
}
