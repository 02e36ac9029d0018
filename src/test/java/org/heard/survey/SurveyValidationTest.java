package org.heard.survey;

import org.heard.cli.ValidateCommand;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurveyValidationTest {

    private record Run(int exit, List<String> lines) {
    }

    private static Run validate(String dir) {
        var bytes = new ByteArrayOutputStream();
        int exit = ValidateCommand.run(new String[] {"validate", dir}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @Test
    void bundledSurveysAreAllValid() {
        Run run = validate("surveys");
        assertEquals(0, run.exit(), String.join("\n", run.lines()));
        assertTrue(run.lines().getLast().startsWith("12 valid surveys, 0 errors"), run.lines().getLast());
        var defs = SurveyDefinitions.read(java.nio.file.Path.of("surveys"), id -> true, true);
        assertEquals(java.util.Set.of("section-11-staff", "training-on-the-day", "training-3-month-impact",
                "young-people-feeling-safe", "children-in-care-feedback", "parents-carers-experience",
                "practitioner-learning-event", "imported-text", "imported-text-children-young-people", "imported-text-parents-carers",
                "imported-text-staff", "imported-text-training-attendees"), defs.surveys().keySet());
        assertTrue(defs.surveys().get("young-people-feeling-safe").channels().contains(SurveyChannel.TELEGRAM));
        assertTrue(defs.surveys().get("young-people-feeling-safe").privacy().contains("we may need to tell someone who can help"));
        var followUp = defs.surveys().get("training-3-month-impact").followUp();
        assertEquals("training-on-the-day", followUp.baseline());
        assertEquals("knowledge-after", followUp.baselineQuestion("knowledge-now"));
        assertEquals("practice-changed", followUp.baselineQuestion("practice-changed"), "an unnamed question pairs by its own id");
    }

    @Test
    void showIfValuesKeepTheirFileOrderSoTheContentHashIsTheSameOnEveryStart() {
        var defs = SurveyDefinitions.read(java.nio.file.Path.of("surveys"), id -> true, true);
        var condition = defs.surveys().get("young-people-feeling-safe").questions().stream()
                .map(Question::showIf).filter(c -> c != null && c.values().size() > 2).findFirst().orElseThrow();
        assertEquals(List.of("bullying", "online-strangers", "pictures-shared", "knives-gangs", "home", "money", "feeling-low"),
                List.copyOf(condition.values()));
    }

    @Test
    void testSurveysAreAllValid() {
        assertEquals(0, validate("src/test/resources/test-surveys").exit());
    }

    @Test
    void reportsEveryProblemWithFileLineAndQuestionAndNoStackTrace() {
        Run run = validate("src/test/resources/broken-surveys");
        assertEquals(1, run.exit());
        String out = String.join("\n", run.lines());
        assertFalse(out.contains("Exception"), out);
        assertTrue(out.contains("bad.yaml:1: id 'Bad Survey' must use only lower-case letters, digits and hyphens"), out);
        assertTrue(out.contains("bad.yaml:4: 'teenagers' is not a valid audience"), out);
        assertTrue(out.contains("bad.yaml:5: channel 'fax' is not web or telegram"), out);
        assertTrue(out.contains("bad.yaml:7: 'opens' must be a date like 2026-01-31, not '2020-13-01'"), out);
        assertTrue(out.contains("bad.yaml:8: retention must look like"), out);
        assertTrue(out.contains("question 'q1': a choice question needs at least two options"), out);
        assertTrue(out.contains("question 'q1': the id is used by an earlier question too"), out);
        assertTrue(out.contains("question 'q1': scale needs min below max"), out);
        assertTrue(out.contains("question 'q3': showIf refers to 'q9', which is not an earlier question"), out);
        assertTrue(out.contains("question 'q3': unknown field 'colour'"), out);
        assertTrue(out.contains("late-wave.yaml:4: followUpOf names 'no-such-survey', which is not a valid survey in this folder"), out);
        assertTrue(out.contains("second-wave.yaml:17: question 'q2': repeats 'q7', which is not a question in 'good'"), out);
        assertTrue(out.contains("second-wave.yaml:21: question 'q3': repeats 'q1', but only yes/no questions, or scales with the same "
                + "points, can be compared across waves (this is scale, that is yes_no)"), out);
        assertTrue(out.contains("syntax.yaml:"), out);
        assertTrue(out.contains("not valid YAML"), out);
        assertTrue(run.lines().getLast().startsWith("1 valid survey, "), run.lines().getLast());
    }
}
