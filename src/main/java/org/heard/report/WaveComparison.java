package org.heard.report;

import jakarta.inject.Singleton;
import org.heard.survey.Question;
import org.heard.survey.Survey;

import java.util.List;

/**
 * The change from a baseline wave to its follow-up for one pair of questions, under the same
 * small-number rules as the rest of the framework report: each wave's base is a published count, a
 * percentage needs a base of at least the minimum, and the change and its test need both.
 */
@Singleton
class WaveComparison {
    private final Suppression suppression;
    private final ReportConfiguration config;

    WaveComparison(Suppression suppression, ReportConfiguration config) {
        this.suppression = suppression;
        this.config = config;
    }

    FrameworkReport.WaveChange between(Survey baseline, Question before, Question after,
                                       List<ResponseFigures.Value> beforeValues, List<ResponseFigures.Value> afterValues) {
        Share b = Share.of(before, beforeValues);
        Share a = Share.of(after, afterValues);
        Integer bp = publishable(b) ? b.percent() : null;
        Integer ap = publishable(a) ? a.percent() : null;
        Integer change = bp != null && ap != null ? ap - bp : null;
        Boolean significant = change != null ? a.differsFrom(b) : null;
        Cell bBase = suppression.count(b.base());
        Cell aBase = suppression.count(a.base());
        String statement = "Against the baseline wave (" + baseline.title() + ", \u201c" + before.text() + "\u201d): "
                + wave(bp, bBase) + " then, " + wave(ap, aBase) + " at the follow-up"
                + (change == null ? "" : "; " + (change > 0 ? "up " + change : change < 0 ? "down " + -change : "no change of")
                + " percentage points, " + (significant ? "bigger than chance at these numbers" : "within what chance could give at these numbers"))
                + ".";
        return new FrameworkReport.WaveChange(baseline.id(), before.id(), before.text(), bBase, bp, aBase, ap, change, significant, statement);
    }

    private boolean publishable(Share s) {
        return s.base() >= config.minimumPercentageBase();
    }

    private String wave(Integer percent, Cell base) {
        return percent != null ? percent + "% positive of " + base.text()
                : base.text() + (base.suppressed() || base.value() != 1 ? " answers" : " answer") + " (too few for a percentage)";
    }
}
