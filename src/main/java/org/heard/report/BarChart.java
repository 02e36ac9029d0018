package org.heard.report;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out for an inline SVG (template {@code report/chart}): 640 units wide,
 * which fits the printable width of A4 portrait, with every bar labelled by its value as text so it
 * reads without colour. An entry without a value draws no bar, only its text: {@code c} for a hidden
 * count, "not shown" for a withheld percentage. The chart is only ever given what the report
 * publishes, so a hidden number cannot reach the picture, not even through the scale.
 *
 * @param summary what a screen reader says instead of the picture: the title and every value
 */
record BarChart(String title, String summary, int width, int height, int barX, int axisY, String scaleEnd, List<Bar> bars) {
    static final int WIDTH = 640;
    static final int LABEL_CHARS = 34;
    static final int MAX_LINES = 3;
    private static final int BAR_X = 260;
    private static final int BAR_SPAN = 300;
    private static final int LINE = 18;
    private static final int GAP = 10;
    private static final int TOP = 6;
    private static final int AXIS = 22;

    /** What to draw for one row; {@code value} is null when the report shows no number. */
    record Entry(String label, @Nullable Long value, String text, boolean emphasis) {
        static Entry of(String label, @Nullable Long value, String text) {
            return new Entry(label, value, text, false);
        }
    }

    /** One line of a wrapped label and its baseline. */
    record Line(String text, int y) {
    }

    /**
     * @param drawn  whether there is a bar at all (false for {@code c} and "not shown")
     * @param valueX where the value's text starts: just past the end of the bar
     */
    record Bar(String label, List<Line> lines, boolean drawn, int y, int width, int height, int valueX, int valueY, String value,
               boolean emphasis) {
    }

    /** Percentages on a fixed scale of 0 to 100. */
    static BarChart percentages(String title, List<Entry> entries) {
        return layout(title, entries, 100, "100%");
    }

    /** Counts on a scale up to the largest shown. */
    static BarChart counts(String title, List<Entry> entries) {
        long max = entries.stream().filter(e -> e.value() != null).mapToLong(Entry::value).max().orElse(0);
        return layout(title, entries, Math.max(max, 1), String.valueOf(max));
    }

    private static BarChart layout(String title, List<Entry> entries, long scale, String scaleEnd) {
        var bars = new ArrayList<Bar>();
        var summary = new StringBuilder(title);
        int y = TOP;
        for (Entry e : entries) {
            List<String> wrapped = wrap(e.label());
            int rowHeight = Math.max(wrapped.size(), 1) * LINE;
            var lines = new ArrayList<Line>();
            for (int i = 0; i < wrapped.size(); i++) {
                lines.add(new Line(wrapped.get(i), y + LINE * i + 14));
            }
            boolean drawn = e.value() != null;
            int length = drawn ? (int) Math.round((double) BAR_SPAN * Math.min(Math.max(e.value(), 0), scale) / scale) : 0;
            // A true zero still gets a hairline, so "0" is not mistaken for a missing bar.
            int width = drawn ? Math.max(length, 1) : 0;
            int barY = y + (rowHeight - LINE) / 2;
            bars.add(new Bar(e.label(), lines, drawn, barY, width, LINE, BAR_X + width + 6, barY + 14, e.text(), e.emphasis()));
            summary.append(bars.size() == 1 ? ": " : "; ").append(e.label()).append(' ').append(e.text());
            y += rowHeight + GAP;
        }
        int axisY = y;
        return new BarChart(title, summary.toString(), WIDTH, axisY + AXIS, BAR_X, axisY, scaleEnd, List.copyOf(bars));
    }

    /** Where the end of the scale is drawn (public for the template). */
    public int scaleX() {
        return BAR_X + BAR_SPAN;
    }

    /** Splits a label into lines of at most {@link #LABEL_CHARS}, ending with "…" if it is longer than {@link #MAX_LINES}. */
    static List<String> wrap(String label) {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            while (word.length() > LABEL_CHARS) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, LABEL_CHARS));
                word = word.substring(LABEL_CHARS);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > LABEL_CHARS) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > MAX_LINES) {
            String last = lines.get(MAX_LINES - 1);
            lines = new ArrayList<>(lines.subList(0, MAX_LINES));
            lines.set(MAX_LINES - 1, (last.length() >= LABEL_CHARS ? last.substring(0, LABEL_CHARS - 1) : last) + "…");
        }
        return lines;
    }
}
