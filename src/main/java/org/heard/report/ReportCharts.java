package org.heard.report;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts each HTML report draws, made from the report as published: the same cells and
 * percentages as its tables and JSON, never the numbers behind them.
 */
final class ReportCharts {
    static final String NOT_SHOWN = "not shown";

    private ReportCharts() {
    }

    /** A count: {@code c} and no bar when it is hidden. */
    static BarChart.Entry count(String label, Cell cell) {
        return BarChart.Entry.of(label, cell.suppressed() ? null : cell.value(), cell.text());
    }

    /** A positive share: {@code c} when its base is a hidden count, "not shown" when the base is too small for a percentage. */
    static BarChart.Entry share(String label, @Nullable Integer percent, Cell base, boolean emphasis) {
        if (percent != null) {
            return new BarChart.Entry(label, percent.longValue(), percent + "%", emphasis);
        }
        return new BarChart.Entry(label, null, base.suppressed() ? Cell.SYMBOL : NOT_SHOWN, emphasis);
    }

    /** Per area id, the positive share of each distinct closed question mapped to its measures; areas with none have no chart. */
    static Map<String, BarChart> framework(FrameworkReport.Report r) {
        var out = new LinkedHashMap<String, BarChart>();
        for (var area : r.areas()) {
            var seen = new HashSet<String>();
            var entries = new ArrayList<BarChart.Entry>();
            for (var m : area.measures()) {
                for (var q : m.questions()) {
                    if (q.closed() && seen.add(q.surveyId() + "/" + q.questionId())) {
                        entries.add(share(q.text(), q.percentPositive(), q.responses(), false));
                    }
                }
            }
            if (!entries.isEmpty()) {
                out.put(area.id(), BarChart.percentages("Share answering positively, " + area.id() + " " + area.title(), entries));
            }
        }
        return out;
    }

    /** Young people's responses by channel, over all their surveys. */
    static BarChart voiceOfChild(VoiceOfChildReport.Report r) {
        var entries = new ArrayList<BarChart.Entry>();
        for (int c = 0; c < r.channels().size(); c++) {
            entries.add(count(r.channels().get(c), r.channelTotals().get(c)));
        }
        return BarChart.counts("Responses by channel", entries);
    }

    /** Per question id, the partnership's positive share this round, then each agency's. */
    static Map<String, BarChart> staffExperience(StaffExperienceReport.Report r) {
        var out = new LinkedHashMap<String, BarChart>();
        for (var q : r.questions()) {
            List<BarChart.Entry> entries = new ArrayList<>();
            entries.add(share("Whole partnership", q.partnership().percent(), q.partnership().base(), true));
            for (var a : q.agencies()) {
                entries.add(share(a.name(), a.now().percent(), a.now().base(), false));
            }
            out.put(q.questionId(), BarChart.percentages("Share answering positively: " + q.text(), entries));
        }
        return out;
    }
}
