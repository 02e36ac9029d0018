package org.heard.framework;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.context.annotation.Property;
import jakarta.inject.Inject;
import org.heard.cli.ValidateCommand;
import org.heard.definition.Problem;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.junit.jupiter.api.Tag;
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

@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.surveys-dir", value = "surveys")
class FrameworkTest {
    @Inject
    FrameworkCatalog catalog;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;

    @Test
    void harrowQafIsTranscribedWithEveryMeasureAsWritten() {
        assertEquals(List.of(), catalog.problems());
        Framework qaf = catalog.find("harrow-qaf-2015").orElseThrow();
        assertEquals(List.of("A", "B1", "B2", "B3"), qaf.sections().stream().map(Framework.Section::id).toList());
        assertEquals(6, qaf.sections().getFirst().areas().size());
        assertEquals("Evaluation reports on impact of training courses – initial and 3 month impact reports",
                catalog.measure("harrow-qaf-2015/A5/qualitative-1").orElseThrow().text());
        assertEquals("Number and range of HSCB activities that engage children (YP – Consultation log)",
                catalog.measure("harrow-qaf-2015/B2-children/quantitative-1").orElseThrow().text());
        assertEquals("HSCB can evidence changes made in response to feedback from children and young people.",
                catalog.measure("harrow-qaf-2015/B2-children/outcome-4").orElseThrow().text());
        assertEquals("outcome", catalog.measure("harrow-qaf-2015/B1-cse/outcome-5").orElseThrow().kind());
    }

    @Test
    void harrowLearningAndImprovementFrameworkKeepsTheBoardsWords() {
        assertTrue(catalog.find("harrow-lif-2016").isPresent());
        assertEquals("The HSCB evaluates its own safeguarding training and its impact on staff both on the day of training and three months after courses to obtain evidence of impact on practice.",
                catalog.measure("harrow-lif-2016/learning-development/qualitative-1").orElseThrow().text());
        assertTrue(catalog.measure("harrow-lif-2016/voice-of-child/outcome-1").orElseThrow().text().startsWith("The HSCB in all parts of its work"));
    }

    @Test
    void hounslowFrameworkKeepsItsHowWillWeKnowStatements() {
        assertEquals(List.of(), catalog.problems());
        assertTrue(catalog.measure("hounslow-sef-2019/children-parents-carers/outcome-1").orElseThrow().text()
                .startsWith("We will know, as a partnership that we have made an impact when, children, parents and carers tell us"));
        assertEquals("staff surveys and interviews", catalog.measure("hounslow-sef-2019/frontline-staff/qualitative-1").orElseThrow().text());
        assertEquals("the percentage of children who feel safer as a consequence of the intervention they received.",
                catalog.measure("hounslow-sef-2019/information/outcome-5").orElseThrow().text());
    }

    @Test
    void hackneyFrameworkCoversIdentifyDisseminateEmbedAndEvaluate() {
        Framework f = catalog.find("hackney-lif").orElseThrow();
        assertEquals(List.of("I", "D", "E"), f.sections().stream().map(Framework.Section::id).toList());
        assertEquals("Children in Care Feedback – Hackney Gets Heard", catalog.measure("hackney-lif/child-experience/qualitative-2").orElseThrow().text());
        assertEquals("CHSCB Staff Surveys", catalog.measure("hackney-lif/front-line/qualitative-5").orElseThrow().text());
    }

    @Test
    void staffListFrameworksWithTheirMeasures() {
        var viewer = StaffTestData.create(accounts, "VIEWER");
        List<Map<String, Object>> list = http.toBlocking().retrieve(viewer.sign(HttpRequest.GET("/api/v1/frameworks")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertTrue(list.stream().anyMatch(f -> f.get("id").equals("harrow-qaf-2015")));
        Map<String, Object> qaf = http.toBlocking().retrieve(viewer.sign(HttpRequest.GET("/api/v1/frameworks/harrow-qaf-2015")),
                Argument.mapOf(String.class, Object.class));
        assertEquals(4, ((List<?>) qaf.get("sections")).size());
    }

    @Test
    void aBrokenFrameworkNamesFileLineAndProblem() {
        var problems = new ArrayList<Problem>();
        FrameworkReader.read(Path.of("src/test/resources/broken-frameworks/frameworks"), problems);
        String all = problems.toString();
        assertTrue(all.contains("frameworks/broken.yaml:11: measure 'outcome-1' in area 'S1': the id does not match the kind 'qualitative'"), all);
        assertTrue(all.contains("frameworks/broken.yaml:12: measure 'quantitative-1' in area 'S1': the measure id is used twice in this area"), all);
        assertTrue(all.contains("kind must be quantitative, qualitative or outcome"), all);
    }

    @Test
    void aSurveyNamingAMissingMeasureFailsValidation() {
        var out = new ByteArrayOutputStream();
        int exit = ValidateCommand.run(new String[] {"validate", "src/test/resources/broken-frameworks"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(1, exit);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("uses-missing-measure.yaml:12: question 'q1': measure 'tiny/T1/quantitative-9' is not in any framework"),
                out.toString(StandardCharsets.UTF_8));
    }
}
