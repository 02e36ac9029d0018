package org.heard.safeguarding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The indicator rules and the learned screen together: an answer is flagged when either flags it.
 * A missed disclosure costs far more than a lead reading one more answer. The rules leave a text about
 * a story, a game or a sport alone, but the learned screen still reads it: children meet groomers and
 * extremists through games and clubs ("a man on roblox keeps asking for pics"), and the examples teach
 * it the difference from "i killed him in fortnite".
 */
final class CombinedScreener implements Screener {
    private final PhraseScreener rules;
    private final LearnedScreen learned;

    CombinedScreener(PhraseScreener rules, LearnedScreen learned) {
        this.rules = rules;
        this.learned = learned;
    }

    @Override
    public String categoryLabel(String category) {
        return rules.categoryLabel(category);
    }

    @Override
    public ScreenResult screen(String text) {
        ScreenResult byRules = rules.screen(text);
        if (text == null || text.isBlank()) {
            return byRules;
        }
        var categories = new LinkedHashSet<>(byRules.categories());
        var matches = new ArrayList<>(byRules.matches());
        learned.categories(text).forEach((c, p) -> {
            if (categories.add(c)) {
                matches.add(new Match(c, "learned from examples (%.0f%% sure)".formatted(p * 100), text.length() > 80 ? text.substring(0, 80) : text));
            }
        });
        return categories.isEmpty() ? ScreenResult.CLEAR : new ScreenResult(true, List.copyOf(categories), List.copyOf(matches));
    }
}
