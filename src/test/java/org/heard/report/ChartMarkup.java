package org.heard.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the bars back out of a page's inline SVG charts, as the template writes them. */
final class ChartMarkup {
    private static final Pattern BAR = Pattern.compile("<g class=\"heard-chart__bar\">\\s*<title>(.*?): ([^:<]*)</title>(.*?)</g>", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("<text class=\"heard-chart__value\"[^>]*>([^<]*)</text>");
    private static final Pattern RECT = Pattern.compile("<rect [^>]*width=\"(\\d+)\"");

    private ChartMarkup() {
    }

    /** One bar: the value written beside it, and its drawn width (null when no bar is drawn). */
    record Bar(String value, Integer width, String markup) {
    }

    /** The bars of every chart on the page, by label as escaped in the page (the first chart's bar when a label repeats). */
    static Map<String, Bar> bars(String html) {
        var out = new LinkedHashMap<String, Bar>();
        var m = BAR.matcher(html);
        while (m.find()) {
            var value = VALUE.matcher(m.group(3));
            var rect = RECT.matcher(m.group(3));
            out.putIfAbsent(m.group(1), new Bar(value.find() ? value.group(1) : null, rect.find() ? Integer.valueOf(rect.group(1)) : null, m.group(0)));
        }
        return out;
    }
}
