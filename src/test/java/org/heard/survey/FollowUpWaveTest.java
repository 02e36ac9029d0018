package org.heard.survey;

import org.heard.definition.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A survey names the baseline it follows up; every way of getting that wrong is reported at its line. */
class FollowUpWaveTest {

    private static String survey(String id, String top, String audience, String questions) {
        return """
                id: %s
                title: Waves
                version: 1
                %saudience: %s
                channels: [web]
                anonymity: anonymous
                opens: 2020-01-01
                retention: 1 year
                introduction: Hello.
                privacy: We keep answers for a year.
                questions:
                %s""".formatted(id, top, audience, questions.indent(2));
    }

    private static final String BASELINE_QUESTIONS = """
            - id: safe
              type: yes_no
              text: Do you feel safe?
              measures: [qaf/A1/outcome-1]
            - id: rating
              type: scale
              text: How safe?
              scale: {min: 1, max: 5}
              measures: [qaf/A1/outcome-1]
            """;

    private static SurveyDefinitions read(String... idAndText) throws IOException {
        Path dir = Files.createTempDirectory("waves");
        for (int i = 0; i < idAndText.length; i += 2) {
            Files.writeString(dir.resolve(idAndText[i] + ".yaml"), idAndText[i + 1]);
        }
        return SurveyDefinitions.read(dir, id -> true, true);
    }

    private static List<String> errors(SurveyDefinitions defs) {
        return defs.problems().stream().filter(p -> !p.warning()).map(Problem::toString).toList();
    }

    @Test
    void aFollowUpPairsRepeatedQuestionsAndKeepsItsHash() throws IOException {
        String later = """
                - id: safe
                  type: yes_no
                  text: Do you feel safe?
                  measures: [qaf/A1/outcome-1]
                - id: rating-now
                  repeats: rating
                  type: scale
                  text: How safe?
                  scale: {min: 1, max: 5}
                  measures: [qaf/A1/outcome-1]
                """;
        var linked = read("first", survey("first", "", "community", BASELINE_QUESTIONS),
                "second", survey("second", "followUpOf: first\n", "community", later));
        assertEquals(List.of(), errors(linked));
        FollowUp f = linked.surveys().get("second").followUp();
        assertEquals("first", f.baseline());
        assertEquals("rating", f.baselineQuestion("rating-now"));
        assertEquals("safe", f.baselineQuestion("safe"));

        var unlinked = read("second", survey("second", "", "community", later.replace("  repeats: rating\n", "")));
        assertEquals(unlinked.surveys().get("second").contentHash(), linked.surveys().get("second").contentHash(),
                "naming a baseline changes no answer, so it must not make a new version");
    }

    @Test
    void aFollowUpOfAMissingSurveyIsNotServed() throws IOException {
        var defs = read("second", survey("second", "followUpOf: nowhere\n", "community", BASELINE_QUESTIONS));
        assertEquals(List.of("second.yaml:4: followUpOf names 'nowhere', which is not a valid survey in this folder"), errors(defs));
        assertFalse(defs.surveys().containsKey("second"));
    }

    @Test
    void wavesAreTwoAndForOneAudience() throws IOException {
        var defs = read("first", survey("first", "", "community", BASELINE_QUESTIONS),
                "second", survey("second", "followUpOf: first\n", "community", BASELINE_QUESTIONS),
                "third", survey("third", "followUpOf: second\n", "community", BASELINE_QUESTIONS),
                "parents", survey("parents", "followUpOf: first\n", "parents_carers", BASELINE_QUESTIONS),
                "self", survey("self", "followUpOf: self\n", "community", BASELINE_QUESTIONS));
        var errors = errors(defs);
        assertTrue(errors.contains("third.yaml:4: 'second' is itself a follow-up of 'first': name the first wave as the baseline"), errors.toString());
        assertTrue(errors.contains("parents.yaml:4: the baseline 'first' asks community but this survey asks parents_carers: "
                + "waves compare the same audience"), errors.toString());
        assertTrue(errors.contains("self.yaml:4: a survey cannot be a follow-up of itself"), errors.toString());
        assertEquals(java.util.Set.of("first", "second"), defs.surveys().keySet());
    }

    @Test
    void repeatedQuestionsMustMeanTheSameAndShareAMeasure() throws IOException {
        String later = """
                - id: fine
                  repeats: safe
                  type: yes_no
                  text: Is it fine?
                  measures: [qaf/B2/outcome-1]
                - id: rating
                  repeats: rating
                  type: scale
                  text: How safe?
                  scale: {min: 0, max: 10}
                  measures: [qaf/A1/outcome-1]
                """;
        var defs = read("first", survey("first", "", "community", BASELINE_QUESTIONS),
                "second", survey("second", "followUpOf: first\n", "community", later));
        assertEquals(List.of(
                "second.yaml:14: question 'fine': repeats 'safe', but the two give evidence for no framework measure in common, "
                        + "so no report would show the change",
                "second.yaml:19: question 'rating': repeats 'rating', but only yes/no questions, or scales with the same points, "
                        + "can be compared across waves (the scales have different points)"), errors(defs));
    }

    @Test
    void repeatsNeedsAFollowUp() throws IOException {
        String q = """
                - id: safe
                  repeats: safe
                  type: yes_no
                  text: Do you feel safe?
                """;
        var defs = read("first", survey("first", "", "community", q));
        assertEquals(List.of("first.yaml:13: question 'safe': repeats names a question of the baseline survey: "
                + "add followUpOf at the top of the survey"), errors(defs));
    }
}
