package org.heard.report;

import com.opencsv.CSVReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.staff.StaffAccounts;
import org.heard.testing.MovableClock;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-agency shares against the partnership and the previous round, on a known set in years of their own. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
@Property(name = "heard.staff-survey", value = "staff-check")
class StaffExperienceReportTest {
    @Inject
    org.heard.testing.TestSql years;
    @Inject
    MovableClock clock;
    @Inject
    ResponseService responses;
    @Inject
    StaffAccounts accounts;
    @Inject
    @Client("/")
    HttpClient http;

    private void answer(String agency, String score) {
        responses.submit(new Submission(Surveys.STAFF, Channel.WEB, Map.of("agency", List.of(agency), "supervision", List.of(score)), null, null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void practitionersThemesAreCountedForThePartnershipAndForAnAgencyLeadsOwnAgency() throws Exception {
        int year = years.unusedYear();
        clock.set(LocalDate.of(year, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (int i = 0; i < 8; i++) {
            comment(i < 6 ? "police" : "health", "families are on the waiting list for months");
        }
        comment("police", "the online safety training was good");
        String period = "from=" + year + "-01-01&to=" + year + "-12-31";
        var analyst = StaffTestData.create(accounts, "ANALYST");
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/staff-experience?" + period)),
                Argument.mapOf(String.class, Object.class));
        assertEquals(true, r.get("surveyFound"));
        var themes = (List<Map<String, Object>>) r.get("themes");
        assertEquals("Waiting for help", themes.getFirst().get("theme"));
        assertEquals(Map.of("value", 8, "suppressed", false), themes.getFirst().get("partnership"));
        assertEquals(Map.of("value", 0, "suppressed", false), themes.getFirst().get("partnershipPrevious"));
        assertEquals(null, themes.getFirst().get("agency"));
        assertEquals(true, ((Map<String, Object>) themes.get(1).get("partnership")).get("suppressed"), "one answer is hidden");

        var lead = StaffTestData.create(accounts, "AGENCY_LEAD", "police");
        Map<String, Object> mine = http.toBlocking().retrieve(lead.sign(HttpRequest.GET("/api/v1/reports/staff-experience?" + period)),
                Argument.mapOf(String.class, Object.class));
        assertEquals(Map.of("value", 6, "suppressed", false), ((List<Map<String, Object>>) mine.get("themes")).getFirst().get("agency"));
        String csv = http.toBlocking().retrieve(lead.sign(HttpRequest.GET("/api/v1/reports/staff-experience.csv?" + period)));
        List<String[]> rows = new CSVReader(new StringReader(csv)).readAll();
        assertTrue(rows.stream().anyMatch(x -> List.of(x).equals(List.of("theme", "Waiting for help", "partnership", "", "Whole partnership", "", "8", "", "0"))));
        assertTrue(rows.stream().anyMatch(x -> List.of(x).equals(List.of("theme", "Waiting for help", "agency", "", "", "", "6", "", ""))));
    }

    private void comment(String agency, String text) {
        responses.submit(new Submission(Surveys.STAFF, Channel.WEB, Map.of("agency", List.of(agency), "supervision", List.of("4"),
                "comments", List.of(text)), null, null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void agenciesAgainstThePartnershipAndThePreviousRound() throws Exception {
        int year = years.unusedYear();
        clock.set(LocalDate.of(year - 1, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (int i = 0; i < 10; i++) {
            answer("police", i < 5 ? "5" : "2");
        }
        clock.set(LocalDate.of(year, 6, 1).atStartOfDay(ZoneOffset.UTC).toInstant());
        for (int i = 0; i < 10; i++) {
            answer("police", i < 8 ? "4" : "1");
        }
        for (int i = 0; i < 10; i++) {
            answer("health", i < 4 ? "5" : "3");
        }
        answer("schools", "5");

        var analyst = StaffTestData.create(accounts, "ANALYST");
        String period = "from=" + year + "-01-01&to=" + year + "-12-31";
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/staff-experience?" + period)),
                Argument.mapOf(String.class, Object.class));
        assertEquals(Map.of("value", 21, "suppressed", false), r.get("responses"));
        var supervision = ((List<Map<String, Object>>) r.get("questions")).getFirst();
        assertEquals(Map.of("percent", 62, "base", Map.of("value", 21, "suppressed", false)), supervision.get("partnership"), "13 of 21");
        var agencies = (List<Map<String, Object>>) supervision.get("agencies");
        Map<String, Object> police = agencies.stream().filter(a -> a.get("agency").equals("police")).findFirst().orElseThrow();
        assertEquals(80, ((Map<String, Object>) police.get("now")).get("percent"));
        assertEquals(50, ((Map<String, Object>) police.get("previous")).get("percent"), "last year's round");
        Map<String, Object> schools = agencies.stream().filter(a -> a.get("agency").equals("schools")).findFirst().orElseThrow();
        assertNull(((Map<String, Object>) schools.get("now")).get("percent"), "one answer gives no percentage");
        assertEquals(true, ((Map<String, Object>) ((Map<String, Object>) schools.get("now")).get("base")).get("suppressed"));

        var lead = StaffTestData.create(accounts, "AGENCY_LEAD", "health");
        Map<String, Object> mine = http.toBlocking().retrieve(lead.sign(HttpRequest.GET("/api/v1/reports/staff-experience?" + period)),
                Argument.mapOf(String.class, Object.class));
        var theirs = (List<Map<String, Object>>) ((List<Map<String, Object>>) mine.get("questions")).getFirst().get("agencies");
        assertEquals(List.of("health"), theirs.stream().map(a -> a.get("agency")).toList(), "an agency lead sees their own agency only");

        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/staff-experience?" + period)).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(html.contains("My supervision helps me keep children safe"));
        assertTrue(html.contains("62%"));
        var bars = ChartMarkup.bars(html);
        assertEquals(new ChartMarkup.Bar("62%", 186, bars.get("Whole partnership").markup()), bars.get("Whole partnership"));
        assertEquals("80%", bars.get("Police").value());
        assertEquals(240, bars.get("Police").width(), "a bar for a known share");
        assertEquals("c", bars.get("Schools").value(), "one answer is a hidden count");
        assertNull(bars.get("Schools").width(), "and draws no bar");
        assertFalse(bars.get("Schools").markup().matches("(?s).*>\\s*1\\s*<.*"), "the hidden count is nowhere in its bar");
        assertEquals("not shown", bars.get("Children&#39;s social care").value(), "no answers, no percentage");

        Map<String, String[]> csv = supervisionRows(analyst, period);
        assertEquals(List.of("", "police", "social-care", "health", "schools"), List.copyOf(csv.keySet()), "the partnership, then every agency");
        assertArrayEquals(new String[] {"partnership", "", "Whole partnership", "62", "21", "50", "10"}, tail(csv.get("")));
        assertArrayEquals(new String[] {"agency", "police", "Police", "80", "10", "50", "10"}, tail(csv.get("police")));
        assertArrayEquals(new String[] {"agency", "health", "Health", "40", "10", "", "0"}, tail(csv.get("health")));
        assertArrayEquals(new String[] {"agency", "schools", "Schools", "", "c", "", "0"}, tail(csv.get("schools")),
                "one answer is a hidden count with no percentage, as in the JSON");

        String elsewhere = period + "&compareFrom=" + (year - 1) + "-07-01&compareTo=" + (year - 1) + "-12-31";
        assertArrayEquals(new String[] {"agency", "police", "Police", "80", "10", "", "0"}, tail(supervisionRows(analyst, elsewhere).get("police")),
                "the comparison round is the one asked for");
        var half = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().retrieve(analyst.sign(
                HttpRequest.GET("/api/v1/reports/staff-experience.csv?" + period + "&compareFrom=" + year + "-01-01"))));
        assertEquals(400, half.getStatus().getCode(), "half a comparison is refused");

        assertEquals(List.of("", "health"), List.copyOf(supervisionRows(lead, period).keySet()),
                "an agency lead's CSV holds the partnership and their own agency only");
        String leadsPage = http.toBlocking().retrieve(lead.sign(HttpRequest.GET("/reports/staff-experience?" + period)).accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(List.of("Whole partnership", "Health"), List.copyOf(ChartMarkup.bars(leadsPage).keySet()), "and so does their chart");
    }

    @Test
    void csvCellsFromEditableFilesCannotRunAsFormulas() throws Exception {
        var share = new StaffExperienceReport.Share(75, Cell.shown(12));
        var report = new StaffExperienceReport.Report("s", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), LocalDate.of(2029, 1, 1),
                LocalDate.of(2029, 12, 31), Cell.shown(12), List.of(new StaffExperienceReport.QuestionRow("q", "=1+1", share, share,
                List.of(new StaffExperienceReport.AgencyRow("a", "@SUM(A1:A9)", share, new StaffExperienceReport.Share(null, Cell.hidden()))))), List.of(), true);
        List<String[]> rows = new CSVReader(new StringReader(StaffExperienceCsv.write(report))).readAll();
        assertArrayEquals(StaffExperienceCsv.HEADER, rows.get(0));
        assertArrayEquals(new String[] {"q", "'=1+1", "agency", "a", "'@SUM(A1:A9)", "75", "12", "", "c"}, rows.get(2));
    }

    /** The supervision question's CSV rows by agency ("" for the whole partnership). */
    private Map<String, String[]> supervisionRows(StaffTestData.Login who, String query) throws Exception {
        String body = http.toBlocking().retrieve(who.sign(HttpRequest.GET("/api/v1/reports/staff-experience.csv?" + query)), String.class);
        List<String[]> rows = new CSVReader(new StringReader(body)).readAll();
        assertArrayEquals(StaffExperienceCsv.HEADER, rows.getFirst());
        var out = new LinkedHashMap<String, String[]>();
        rows.stream().skip(1).filter(r -> r[0].equals("supervision")).forEach(r -> out.put(r[3], r));
        return out;
    }

    /** A row from its scope on: the question columns are the same on every row. */
    private static String[] tail(String[] row) {
        return Arrays.copyOfRange(row, 2, row.length);
    }
}
