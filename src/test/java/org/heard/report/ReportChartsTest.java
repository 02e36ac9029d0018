package org.heard.report;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart template as the application renders it, with names a person typed into the partnership's files. */
@MicronautTest(startApplication = false)
class ReportChartsTest {
    @Inject
    TemplateEngine thymeleaf;

    @Test
    void textInAChartIsEscapedNeverMarkup() {
        var share = new StaffExperienceReport.Share(75, Cell.shown(12));
        var report = new StaffExperienceReport.Report("s", LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), LocalDate.of(2029, 1, 1),
                LocalDate.of(2029, 12, 31), Cell.shown(12), List.of(new StaffExperienceReport.QuestionRow("q", "I feel <b>heard</b>", share, share,
                List.of(new StaffExperienceReport.AgencyRow("a", "<script>alert(1)</script>", share, share)))), List.of(), true);
        var context = new Context();
        context.setVariable("report", report);
        context.setVariable("charts", ReportCharts.staffExperience(report));
        String html = thymeleaf.process("report/staff-experience", context);

        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>heard"));
        assertTrue(html.contains("<title>Share answering positively: I feel &lt;b&gt;heard&lt;/b&gt;</title>"));
        assertTrue(html.contains("aria-label=\"Share answering positively: I feel &lt;b&gt;heard&lt;/b&gt;: Whole partnership 75%; "
                + "&lt;script&gt;alert(1)&lt;/script&gt; 75%\""), "and in the summary a screen reader reads");
        var bar = ChartMarkup.bars(html).get("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertEquals("75%", bar.value());
        assertEquals(225, bar.width());
        assertTrue(bar.markup().contains(">&lt;script&gt;alert(1)&lt;/script&gt;</tspan>"), "the label beside the bar");
        assertTrue(html.contains("viewBox=\"0 0 640 "), "the picture scales from its own coordinates");
    }

    @Test
    void aHiddenCountIsDrawnAsTheLetterCWithNoBar() {
        var report = new VoiceOfChildReport.Report(LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 31), LocalDate.of(2030, 1, 29),
                LocalDate.of(2030, 2, 28), List.of("web", "api"), List.of(), List.of(Cell.hidden(), Cell.shown(40)), Cell.hidden(),
                Cell.shown(0), Cell.shown(0), Cell.shown(0), Cell.shown(0), List.of(), List.of(), null, List.of());
        var context = new Context();
        context.setVariable("report", report);
        context.setVariable("chart", ReportCharts.voiceOfChild(report));
        var bars = ChartMarkup.bars(thymeleaf.process("report/voice-of-child", context));
        assertEquals("c", bars.get("web").value());
        assertNull(bars.get("web").width(), "no bar at all");
        assertEquals("40", bars.get("api").value());
        assertEquals(300, bars.get("api").width());
    }
}
