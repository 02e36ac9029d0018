package org.heard.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chart geometry the report templates draw. */
class BarChartTest {

    @Test
    void percentagesAreDrawnOnAFixedScaleWithTheirValueBesideTheBar() {
        var chart = BarChart.percentages("Share", List.of(BarChart.Entry.of("Police", 80L, "80%"), BarChart.Entry.of("Health", 40L, "40%")));
        var police = chart.bars().get(0);
        var health = chart.bars().get(1);
        assertTrue(police.drawn());
        assertEquals(240, police.width(), "80% of the 300-unit scale");
        assertEquals(120, health.width());
        assertEquals(chart.barX() + police.width() + 6, police.valueX(), "the value is written just past the bar");
        assertEquals("80%", police.value());
        assertEquals("100%", chart.scaleEnd());
        assertTrue(chart.scaleX() + 40 <= chart.width(), "room for the end of the scale");
    }

    @Test
    void hiddenAndWithheldValuesDrawNoBarOnlyTheirText() {
        var chart = BarChart.percentages("Share", List.of(ReportCharts.share("Schools", null, Cell.hidden(), false),
                ReportCharts.share("Health", null, Cell.shown(7), false), ReportCharts.share("Police", 0, Cell.shown(12), false)));
        assertFalse(chart.bars().get(0).drawn());
        assertEquals(0, chart.bars().get(0).width());
        assertEquals("c", chart.bars().get(0).value());
        assertFalse(chart.bars().get(1).drawn());
        assertEquals("not shown", chart.bars().get(1).value(), "fewer than the minimum base answered");
        assertTrue(chart.bars().get(2).drawn(), "a true zero is a value, drawn as a hairline");
        assertEquals("0%", chart.bars().get(2).value());
        assertEquals("Share: Schools c; Health not shown; Police 0%", chart.summary());
    }

    @Test
    void countsAreScaledToTheLargestShownCountSoAHiddenOneCannotStretchTheScale() {
        var chart = BarChart.counts("Responses", List.of(ReportCharts.count("web", Cell.shown(10)), ReportCharts.count("api", Cell.hidden()),
                ReportCharts.count("telegram", Cell.shown(5))));
        assertEquals(300, chart.bars().get(0).width());
        assertFalse(chart.bars().get(1).drawn());
        assertEquals("c", chart.bars().get(1).value());
        assertEquals(150, chart.bars().get(2).width());
        assertEquals("10", chart.scaleEnd());
    }

    @Test
    void longLabelsWrapOntoAtMostThreeLinesAndRowsDoNotOverlap() {
        String text = "How often does your supervisor give you protected time to reflect on the children and families "
                + "you are working with, and on what you have learned from reviews?";
        var chart = BarChart.percentages("Share", List.of(BarChart.Entry.of(text, 50L, "50%"), BarChart.Entry.of("Short", 20L, "20%")));
        var first = chart.bars().get(0);
        assertEquals(BarChart.MAX_LINES, first.lines().size());
        assertTrue(first.lines().stream().allMatch(l -> l.text().length() <= BarChart.LABEL_CHARS));
        assertTrue(first.lines().getLast().text().endsWith("…"));
        assertEquals(text, first.label(), "the whole label stays available for the bar's tooltip and the summary");
        var second = chart.bars().get(1);
        assertTrue(second.lines().getFirst().y() - 14 > first.lines().getLast().y(), "the next row starts below the last line");
        assertTrue(chart.axisY() >= second.y() + second.height());
        assertTrue(chart.height() > chart.axisY(), "the scale fits in the picture");
        assertEquals(List.of("abcdefghijabcdefghijabcdefghijabcd", "efghij"), BarChart.wrap("abcdefghijabcdefghijabcdefghijabcdefghij"));
    }
}
