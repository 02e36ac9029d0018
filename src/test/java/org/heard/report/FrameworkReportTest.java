package org.heard.report;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.consultation.FollowUpAction;
import org.heard.consultation.YouSaidWeDid;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.staff.StaffAccounts;
import org.heard.testing.MovableClock;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Evidence per measure on a known set, in a month of its own. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
class FrameworkReportTest {
    @Inject
    org.heard.testing.TestSql years;
    @Inject
    MovableClock clock;
    @Inject
    ResponseService responses;
    @Inject
    YouSaidWeDid actions;
    @Inject
    StaffAccounts accounts;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void showsSharesBasesOutcomesAndGaps() throws Exception {
        int year = years.unusedYear();
        clock.set(LocalDate.of(year - 1, 5, 10).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200));
        for (int i = 0; i < 12; i++) {
            responses.submit(new Submission(Surveys.STAFF, Channel.WEB, Map.of("agency", List.of("health"), "supervision", List.of(i < 3 ? "5" : "2")), null, null));
        }
        clock.set(LocalDate.of(year, 5, 10).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200));
        for (int i = 0; i < 12; i++) {
            String score = i < 9 ? "5" : i < 10 ? "4" : "2";
            responses.submit(new Submission(Surveys.STAFF, Channel.WEB, Map.of("agency", List.of("police"), "supervision", List.of(score)), null, null));
        }
        actions.create(new FollowUpAction.Draft("supervision is rushed " + Surveys.unique("s"), "protected time for supervision",
                "Workforce team", "done", null, year + "-05-20", null, List.of("test-qaf/S1/outcome-1"), List.of(), List.of(), List.of()));

        var analyst = StaffTestData.create(accounts, "ANALYST");
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/framework/test-qaf?from=" + year + "-05-01&to=" + year + "-05-31")), Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked") var areas = (List<Map<String, Object>>) r.get("areas");
        @SuppressWarnings("unchecked") var s1 = (List<Map<String, Object>>) areas.get(0).get("measures");
        @SuppressWarnings("unchecked") var qualitative = (List<Map<String, Object>>) s1.get(1).get("questions");
        assertEquals(83, qualitative.getFirst().get("percentPositive"), "10 of 12 chose 4 or 5");
        assertEquals(true, qualitative.getFirst().get("closed"), "a scale question has a positive share");
        assertEquals("83% of 12 frontline staff answered positively: My supervision helps me keep children safe",
                qualitative.getFirst().get("statement"));
        assertEquals(Map.of("value", 12, "suppressed", false), qualitative.getFirst().get("responses"));
        @SuppressWarnings("unchecked") var outcomes = (List<Map<String, Object>>) s1.get(2).get("outcomes");
        assertTrue(outcomes.stream().anyMatch(o -> o.get("did").equals("protected time for supervision")),
                "a done action tagged with the measure is outcome evidence");
        assertEquals(false, s1.get(2).get("gap"));
        @SuppressWarnings("unchecked") var s2 = (List<Map<String, Object>>) areas.get(1).get("measures");
        assertEquals(true, s2.getFirst().get("gap"));
        assertEquals(1, areas.get(0).get("outcome"));
        assertEquals(1 + 3, r.get("gaps"), "S2's measure, and the training area's three with no training that month");

        String compare = "&compareFrom=" + (year - 1) + "-05-01&compareTo=" + (year - 1) + "-05-31";
        Map<String, Object> withComparison = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/framework/test-qaf?from=" + year + "-05-01&to=" + year + "-05-31" + compare)), Argument.mapOf(String.class, Object.class));
        @SuppressWarnings("unchecked") var q = ((List<Map<String, Object>>) ((List<Map<String, Object>>) ((List<Map<String, Object>>) withComparison.get("areas"))
                .get(0).get("measures")).get(1).get("questions")).getFirst();
        assertEquals(25, q.get("previousPercent"));
        assertEquals(58, q.get("change"));
        assertEquals(true, q.get("significant"), "83% of 12 against 25% of 12 is bigger than chance");

        String csv = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET(
                "/api/v1/reports/framework/test-qaf.csv?from=" + year + "-05-01&to=" + year + "-05-31" + compare)), String.class);
        var rows = new com.opencsv.CSVReader(new java.io.StringReader(csv)).readAll();
        String[] row = rows.stream().filter(x -> x[1].equals("test-qaf/S1/qualitative-1")).findFirst().orElseThrow();
        assertEquals("83", row[7]);
        assertEquals("58", row[9]);
        assertEquals("true", row[10]);

        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/framework/test-qaf?from=" + year + "-05-01&to=" + year + "-05-31"))
                .accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("83% of 12 frontline staff answered positively"));
        assertTrue(html.contains("so we protected time for supervision"));
        var bar = ChartMarkup.bars(html).get("My supervision helps me keep children safe");
        assertEquals("83%", bar.value(), "the area's chart draws the share once, though the question gives evidence for two of its measures");
        assertEquals(249, bar.width());
        assertEquals(1, html.split("<title>My supervision helps me keep children safe: ", -1).length - 1);
    }

    private static final String BASELINE = "training-on-the-day";
    private static final String FOLLOW_UP = "training-3-month-impact";

    @Test
    void showsTheChangeFromABaselineWaveToItsFollowUp() throws Exception {
        int year = years.unusedYear();
        at(year, 3);
        onTheDay(20, 8, 10);
        threeMonthsOn(16, 14, 10);

        var analyst = StaffTestData.create(accounts, "ANALYST");
        String period = "?from=" + year + "-03-01&to=" + year + "-03-31";
        var training = questions(json(analyst, period), "test-qaf/T1/qualitative-1");
        @SuppressWarnings("unchecked") var knowledge = (Map<String, Object>) question(training, FOLLOW_UP, "knowledge-now").get("wave");
        assertEquals(BASELINE, knowledge.get("baselineSurvey"));
        assertEquals("knowledge-after", knowledge.get("baselineQuestion"), "the follow-up question names the one it repeats");
        assertEquals(Map.of("value", 20, "suppressed", false), knowledge.get("baselineBase"));
        assertEquals(40, knowledge.get("baselinePercent"), "8 of 20 chose 4 or 5 on the day");
        assertEquals(Map.of("value", 16, "suppressed", false), knowledge.get("followUpBase"));
        assertEquals(88, knowledge.get("followUpPercent"), "14 of 16 three months on");
        assertEquals(48, knowledge.get("change"));
        assertEquals(true, knowledge.get("significant"), "40% of 20 against 88% of 16: z is about 2.9");
        @SuppressWarnings("unchecked") var confidence = (Map<String, Object>) question(training, FOLLOW_UP, "confidence-now").get("wave");
        assertEquals(50, confidence.get("baselinePercent"));
        assertEquals(63, confidence.get("followUpPercent"));
        assertEquals(13, confidence.get("change"));
        assertEquals(false, confidence.get("significant"), "50% of 20 against 63% of 16: z is about 0.75");
        assertNull(question(questions(json(analyst, period), "test-qaf/T1/outcome-1"), FOLLOW_UP, "practice-changed").get("wave"),
                "a question the baseline never asked has no wave");
        assertNull(question(training, BASELINE, "knowledge-after").get("wave"), "the change is shown once, on the follow-up");
        assertNull(question(questions(json(analyst, period), "test-qaf/T1/quantitative-1"), FOLLOW_UP, "agency").get("wave"),
                "an agency question has no positive share to compare");

        var rows = csv(analyst, period);
        String[] row = rows.stream().filter(x -> x[1].equals("test-qaf/T1/qualitative-1") && x[5].equals("knowledge-now")).findFirst().orElseThrow();
        assertEquals(List.of(BASELINE, "knowledge-after", "20", "40", "16", "88", "48", "true"), List.of(row).subList(15, 23));
        assertEquals("wave_significant", rows.getFirst()[22]);

        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/framework/test-qaf" + period)).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("40% positive of 20 then, 88% positive of 16 at the follow-up; up 48 percentage points, "
                + "bigger than chance at these numbers."), html);
        assertTrue(html.contains("50% positive of 20 then, 63% positive of 16 at the follow-up; up 13 percentage points, "
                + "within what chance could give at these numbers."));
    }

    @Test
    void withholdsTheShareOfASmallFollowUpWaveAndHidesATinyOne() throws Exception {
        int year = years.unusedYear();
        at(year, 7);
        onTheDay(12, 12, 12);
        threeMonthsOn(6, 6, 6);
        at(year, 9);
        onTheDay(12, 12, 12);
        threeMonthsOn(3, 3, 3);
        var analyst = StaffTestData.create(accounts, "ANALYST");

        String july = "?from=" + year + "-07-01&to=" + year + "-07-31";
        @SuppressWarnings("unchecked") var small = (Map<String, Object>) question(questions(json(analyst, july), "test-qaf/T1/qualitative-1"),
                FOLLOW_UP, "knowledge-now").get("wave");
        assertEquals(100, small.get("baselinePercent"));
        assertEquals(Map.of("value", 6, "suppressed", false), small.get("followUpBase"), "6 is above the threshold, so it is shown");
        assertNull(small.get("followUpPercent"), "but a base of 6 is too small for a percentage");
        assertNull(small.get("change"));
        assertNull(small.get("significant"));
        String[] row = csv(analyst, july).stream().filter(x -> x[1].equals("test-qaf/T1/qualitative-1") && x[5].equals("knowledge-now"))
                .findFirst().orElseThrow();
        assertEquals(List.of("12", "100", "6", "", "", ""), List.of(row).subList(17, 23));
        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/framework/test-qaf" + july)).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("100% positive of 12 then, 6 answers (too few for a percentage) at the follow-up."), html);

        String september = "?from=" + year + "-09-01&to=" + year + "-09-30";
        @SuppressWarnings("unchecked") var tiny = (Map<String, Object>) question(questions(json(analyst, september), "test-qaf/T1/qualitative-1"),
                FOLLOW_UP, "knowledge-now").get("wave");
        var hidden = new java.util.HashMap<String, Object>();
        hidden.put("value", null);
        hidden.put("suppressed", true);
        assertEquals(hidden, tiny.get("followUpBase"), "3 answers are hidden");
        assertNull(tiny.get("followUpPercent"));
        row = csv(analyst, september).stream().filter(x -> x[1].equals("test-qaf/T1/qualitative-1") && x[5].equals("knowledge-now"))
                .findFirst().orElseThrow();
        assertEquals(List.of("12", "100", "c", "", "", ""), List.of(row).subList(17, 23));
        html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/framework/test-qaf" + september)).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("100% positive of 12 then, c answers (too few for a percentage) at the follow-up."));
    }

    @SuppressWarnings("unchecked")
    @Test
    void aFreeTextQuestionShowsItsTopThemesWithQuotesOnlyFromLargeEnoughGroups() throws Exception {
        int year = years.unusedYear();
        at(year, 5);
        for (int i = 0; i < 13; i++) {
            String text = i < 12 ? "ask families how long they have been on the waiting list " + i : "check <b>online</b> safety settings";
            responses.submit(new Submission(BASELINE, Channel.WEB, Map.of("agency", List.of("police"), "overall", List.of("4"),
                    "outcome-1", List.of("4"), "knowledge-before", List.of("2"), "knowledge-after", List.of("4"),
                    "confidence", List.of("5"), "do-differently", List.of(text)), null, null));
        }
        String period = "?from=" + year + "-05-01&to=" + year + "-05-31";
        var analyst = StaffTestData.create(accounts, "ANALYST");
        var themes = (Map<String, Object>) question(questions(json(analyst, period), "test-qaf/T1/qualitative-1"), BASELINE, "do-differently").get("themes");
        assertEquals("test-worries", themes.get("codebook"));
        assertEquals(Map.of("value", 13, "suppressed", false), themes.get("answersRead"));
        var top = (List<Map<String, Object>>) themes.get("top");
        assertEquals("Waiting for help", top.get(0).get("theme"));
        assertEquals(Map.of("value", 12, "suppressed", false), top.get(0).get("answers"));
        assertEquals(2, ((List<String>) top.get(0).get("quotes")).size());
        assertEquals("Online safety", top.get(1).get("theme"));
        assertEquals(true, ((Map<String, Object>) top.get(1).get("answers")).get("suppressed"));
        assertEquals(List.of(), top.get(1).get("quotes"), "one answer is never quoted");

        var viewer = StaffTestData.create(accounts, "VIEWER");
        var forViewer = (Map<String, Object>) question(questions(json(viewer, period), "test-qaf/T1/qualitative-1"), BASELINE, "do-differently").get("themes");
        assertEquals(List.of(), ((List<Map<String, Object>>) forViewer.get("top")).get(0).get("quotes"), "viewers never read free text");

        Map<String, Object> t1 = ((List<Map<String, Object>>) ((List<Map<String, Object>>) json(analyst, period).get("areas")).stream()
                .filter(a -> a.get("id").equals("T1")).findFirst().orElseThrow().get("measures")).stream()
                .filter(m -> m.get("id").equals("test-qaf/T1/qualitative-1")).findFirst().orElseThrow();
        var byChannel = (Map<String, Object>) ((Map<String, Object>) t1.get("responses")).get("byChannel");
        assertEquals(List.of("web"), byChannel.get("groups"));
        assertEquals(List.of(Map.of("value", 13, "suppressed", false)), byChannel.get("counts"));
        var byAgency = (Map<String, Object>) ((Map<String, Object>) t1.get("responses")).get("byAgency");
        assertEquals(List.of("police"), byAgency.get("groups"));

        List<String[]> rows = csv(analyst, period);
        int column = List.of(rows.getFirst()).indexOf("themes");
        assertTrue(rows.stream().anyMatch(r -> r[column].equals("Waiting for help (12) | Online safety (c)")));
        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/framework/test-qaf" + period)), String.class);
        assertTrue(html.contains("Themes in 13 answers: Waiting for help (12), Online safety (c)"), html);
        assertTrue(html.contains("13 responses to its surveys, by audience: training_attendees 13; by channel: web 13"), html);
    }

    private void at(int year, int month) {
        clock.set(LocalDate.of(year, month, 10).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200));
    }

    /** On-the-day answers: the first {@code knows} rate their knowledge 4, the first {@code confident} their confidence 5. */
    private void onTheDay(int n, int knows, int confident) {
        for (int i = 0; i < n; i++) {
            responses.submit(new Submission(BASELINE, Channel.WEB, Map.of("agency", List.of("police"), "overall", List.of("4"),
                    "outcome-1", List.of("4"), "knowledge-before", List.of("2"), "knowledge-after", List.of(i < knows ? "4" : "2"),
                    "confidence", List.of(i < confident ? "5" : "3"), "do-differently", List.of("use the checklist")), null, null));
        }
    }

    /** Three months on: the first {@code knows} rate their knowledge 5, the first {@code confident} their confidence 4. */
    private void threeMonthsOn(int n, int knows, int confident) {
        for (int i = 0; i < n; i++) {
            responses.submit(new Submission(FOLLOW_UP, Channel.WEB, Map.of("agency", List.of("health"), "knowledge-improved", List.of("yes"),
                    "knowledge-now", List.of(i < knows ? "5" : "1"), "confidence-improved", List.of("yes"),
                    "confidence-now", List.of(i < confident ? "4" : "2"), "practice-changed", List.of("no")), null, null));
        }
    }

    private Map<String, Object> json(StaffTestData.Login analyst, String period) {
        return http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/framework/test-qaf" + period)),
                Argument.mapOf(String.class, Object.class));
    }

    private List<String[]> csv(StaffTestData.Login analyst, String period) throws Exception {
        String body = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/framework/test-qaf.csv" + period)), String.class);
        return new com.opencsv.CSVReader(new java.io.StringReader(body)).readAll();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> questions(Map<String, Object> report, String measure) {
        return ((List<Map<String, Object>>) report.get("areas")).stream()
                .flatMap(a -> ((List<Map<String, Object>>) a.get("measures")).stream())
                .filter(m -> m.get("id").equals(measure)).findFirst()
                .map(m -> (List<Map<String, Object>>) m.get("questions")).orElseThrow();
    }

    private static Map<String, Object> question(List<Map<String, Object>> questions, String survey, String question) {
        return questions.stream().filter(q -> q.get("surveyId").equals(survey) && q.get("questionId").equals(question)).findFirst().orElseThrow();
    }
}
