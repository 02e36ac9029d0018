package org.heard.report;

import com.opencsv.CSVReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.consultation.ActivityDraft;
import org.heard.consultation.ConsultationLog;
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

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The voice-of-the-child report on a known set, in a month of its own far in the future. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "heard.test.clock", value = "movable")
@Property(name = "heard.surveys-dir", value = "src/test/resources/test-surveys")
class VoiceOfChildReportTest {
    @Inject
    org.heard.testing.TestSql years;
    @Inject
    MovableClock clock;
    @Inject
    ResponseService responses;
    @Inject
    ConsultationLog log;
    @Inject
    YouSaidWeDid actions;
    @Inject
    StaffAccounts accounts;
    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void countsChannelsQuotesAndWhatChangedWithSmallNumbersHidden() throws Exception {
        int year = years.unusedYear();
        clock.set(LocalDate.of(year, 3, 10).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200));
        String marker = Surveys.unique("voice");
        for (int i = 0; i < 10; i++) {
            submit(Channel.WEB, "the <b>park</b> needs lights " + marker + " " + i);
        }
        submit(Channel.WEB, "my dad hits me " + marker);
        submit(Channel.API, "more youth clubs please " + marker);
        log.save(new ActivityDraft(Surveys.unique("act"), year + "-03-05", "School visit", List.of("school"), List.of(), List.of(),
                "event", "30", null, null, null, null, null, List.of(), "Lights", "Tell the council"));
        actions.create(new FollowUpAction.Draft("the park is dark " + marker, "put in lights", "Parks team", "done", null,
                year + "-03-15", null, List.of(), List.of(), List.of(), List.of()));

        var analyst = StaffTestData.create(accounts, "ANALYST");
        String period = "from=" + year + "-03-01&to=" + year + "-03-31";
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/voice-of-child?" + period)),
                Argument.mapOf(String.class, Object.class));
        assertEquals(Map.of("value", 12, "suppressed", false), r.get("responses"));
        assertEquals(true, ((Map<?, ?>) r.get("activities")).get("suppressed"), "one activity is a small number");
        @SuppressWarnings("unchecked") var surveys = (List<Map<String, Object>>) r.get("surveys");
        var young = surveys.stream().filter(s -> s.get("surveyId").equals(Surveys.YOUNG)).findFirst().orElseThrow();
        @SuppressWarnings("unchecked") var byChannel = (List<Map<String, Object>>) young.get("byChannel");
        assertEquals(true, byChannel.get(1).get("suppressed"), "a single API answer is hidden");
        assertEquals(true, byChannel.get(0).get("suppressed"), "and so is web, or 12 - 11 would give it away");
        assertEquals(Map.of("value", 0, "suppressed", false), byChannel.get(2), "a true zero is shown");

        @SuppressWarnings("unchecked") var quotes = (List<Map<String, Object>>) r.get("quotes");
        assertEquals(5, quotes.size());
        assertTrue(quotes.stream().noneMatch(q -> q.get("text").toString().contains("hits me")), "never a flagged answer");
        @SuppressWarnings("unchecked") var done = (List<Map<String, Object>>) r.get("actions");
        assertTrue(done.stream().anyMatch(a -> a.get("said").toString().contains(marker)));

        String html = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/reports/voice-of-child?" + period)).accept(MediaType.TEXT_HTML_TYPE));
        assertFalse(html.contains("id=\"no-codebook\""), "the codebook is there, so no warning");
        assertTrue(html.contains("the &lt;b&gt;park&lt;/b&gt; needs lights"), "quotes are escaped");
        assertTrue(html.contains("id=\"responses\">12<"));
        String chart = html.substring(html.indexOf("<svg"), html.indexOf("</svg>"));
        assertTrue(chart.contains("aria-label=\"Responses by channel: web c; api c; telegram 0; import 0\""), chart);
        var bars = ChartMarkup.bars(chart);
        assertEquals("c", bars.get("web").value());
        assertNull(bars.get("web").width(), "a hidden count draws no bar");
        assertEquals("c", bars.get("api").value());
        assertNull(bars.get("api").width());
        assertEquals(1, bars.get("telegram").width(), "a true zero is a hairline");
        assertFalse(chart.matches("(?s).*>\\s*(11|1)\\s*<.*"), "neither hidden count, 11 on the web or 1 through the API, is drawn");

        String csv = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/voice-of-child.csv?" + period)), String.class);
        List<String[]> rows = new CSVReader(new StringReader(csv)).readAll();
        String[] youngRow = rows.stream().filter(x -> x[1].equals(Surveys.YOUNG)).findFirst().orElseThrow();
        assertEquals("c", youngRow[3]);
        assertEquals("c", youngRow[4]);
        assertEquals("12", youngRow[7]);

        var viewer = StaffTestData.create(accounts, "VIEWER");
        Map<String, Object> forViewer = http.toBlocking().retrieve(viewer.sign(HttpRequest.GET("/api/v1/reports/voice-of-child?" + period)),
                Argument.mapOf(String.class, Object.class));
        assertFalse(((List<?>) forViewer.get("quotes")).iterator().hasNext(), "viewers never see free text");
    }

    @SuppressWarnings("unchecked")
    @Test
    void showsTheThemesChildrenRaisedAgainstTheLastPeriodWithQuotesOnlyFromGroupsOfTen() {
        int year = years.unusedYear();
        clock.set(LocalDate.of(year, 1, 20).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200));
        submit(Channel.WEB, "I was on the waiting list for ages");
        clock.set(LocalDate.of(year, 2, 10).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(43200));
        for (int i = 0; i < 11; i++) {
            submit(Channel.WEB, "we waited months for help " + i);
        }
        submit(Channel.WEB, "i waited and my dad hits me");
        submit(Channel.WEB, "people online send me pictures");

        var analyst = StaffTestData.create(accounts, "ANALYST");
        Map<String, Object> r = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/voice-of-child?from=" + year
                + "-02-01&to=" + year + "-02-28")), Argument.mapOf(String.class, Object.class));
        assertEquals("test-worries", r.get("codebook"));
        var themes = (List<Map<String, Object>>) r.get("themes");
        Map<String, Object> waiting = themes.getFirst();
        assertEquals("Waiting for help", waiting.get("theme"), "the most raised theme comes first");
        assertEquals(Map.of("value", 12, "suppressed", false), waiting.get("answers"));
        assertEquals(true, ((Map<String, Object>) waiting.get("previousAnswers")).get("suppressed"), "one answer last period is hidden");
        var quotes = (List<String>) waiting.get("quotes");
        assertEquals(2, quotes.size());
        assertTrue(quotes.stream().noneMatch(q -> q.contains("hits me")), "never a flagged answer");
        Map<String, Object> online = themes.stream().filter(t -> t.get("theme").equals("Online safety")).findFirst().orElseThrow();
        assertEquals(List.of(), online.get("quotes"), "one child is too few to quote");

        Map<String, Object> against = http.toBlocking().retrieve(analyst.sign(HttpRequest.GET("/api/v1/reports/voice-of-child?from=" + year
                + "-02-01&to=" + year + "-02-28&compareFrom=" + year + "-01-01&compareTo=" + year + "-01-10")), Argument.mapOf(String.class, Object.class));
        assertEquals(year + "-01-10", against.get("previousTo"), "the comparison period asked for");
        assertEquals(Map.of("value", 0, "suppressed", false), ((List<Map<String, Object>>) against.get("themes")).getFirst().get("previousAnswers"));
    }

    private void submit(Channel channel, String text) {
        responses.submit(new Submission(Surveys.YOUNG, channel, Map.of("feel-safe", List.of("yes"), "anything-else", List.of(text)), null, null));
    }
}
