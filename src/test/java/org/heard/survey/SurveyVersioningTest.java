package org.heard.survey;

import io.micronaut.context.ApplicationContext;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Editing a survey that already has answers makes a new version; the answers keep theirs. */
@Tag("db")
class SurveyVersioningTest {

    private static String survey(String id, String questionText) {
        return """
                id: %s
                title: Versioned
                version: 1
                audience: community
                channels: [web]
                anonymity: anonymous
                opens: 2020-01-01
                retention: 1 year
                introduction: Hello.
                privacy: We keep answers for a year.
                questions:
                  - id: q1
                    type: short_text
                    text: %s
                """.formatted(id, questionText);
    }

    private static ApplicationContext start(Path dir) {
        return ApplicationContext.run(Map.of("heard.surveys-dir", dir.toString()), "test");
    }

    @Test
    void editingAnAnsweredSurveyMakesANewVersionAndOldAnswersKeepTheirs() throws Exception {
        Path dir = Files.createTempDirectory("surveys");
        String id = Surveys.unique("versioned");
        Path file = dir.resolve(id + ".yaml");

        Files.writeString(file, survey(id, "What do you think?"));
        long first;
        try (var ctx = start(dir)) {
            assertEquals(1, ctx.getBean(SurveyCatalog.class).find(id).orElseThrow().version());
            first = ((SubmitOutcome.Stored) ctx.getBean(ResponseService.class).submit(
                    new Submission(id, Channel.WEB, Map.of("q1", List.of("fine")), null, null))).id();
        }

        // Unchanged file: same version.
        try (var ctx = start(dir)) {
            assertEquals(1, ctx.getBean(SurveyCatalog.class).find(id).orElseThrow().version());
        }

        Files.writeString(file, survey(id, "What do you think now?"));
        try (var ctx = start(dir)) {
            assertEquals(2, ctx.getBean(SurveyCatalog.class).find(id).orElseThrow().version());
            var responses = ctx.getBean(ResponseService.class);
            long second = ((SubmitOutcome.Stored) responses.submit(
                    new Submission(id, Channel.WEB, Map.of("q1", List.of("better")), null, null))).id();
            assertEquals(1, responses.find(first).orElseThrow().surveyVersion());
            assertEquals(2, responses.find(second).orElseThrow().surveyVersion());
        }
    }

    @Test
    void editingASurveyNobodyAnsweredKeepsItsVersion() throws Exception {
        Path dir = Files.createTempDirectory("surveys");
        String id = Surveys.unique("unanswered");
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, survey(id, "First wording"));
        try (var ctx = start(dir)) {
            assertEquals(1, ctx.getBean(SurveyCatalog.class).find(id).orElseThrow().version());
        }
        Files.writeString(file, survey(id, "Second wording"));
        try (var ctx = start(dir)) {
            assertEquals(1, ctx.getBean(SurveyCatalog.class).find(id).orElseThrow().version());
        }
    }
}
