package org.heard.safeguarding;

import jakarta.inject.Singleton;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyConfiguration;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the safeguarding pages show a lead for ids and instants: category and survey names, times in words. */
@Singleton
class AlertLabels {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK);

    private final Screener screener;
    private final SurveyCatalog catalog;
    private final SurveyConfiguration surveys;

    AlertLabels(Screener screener, SurveyCatalog catalog, SurveyConfiguration surveys) {
        this.screener = screener;
        this.catalog = catalog;
        this.surveys = surveys;
    }

    public String categories(List<String> ids) {
        return String.join(", ", ids.stream().map(screener::categoryLabel).toList());
    }

    public String survey(String id) {
        return id == null ? "" : catalog.title(id);
    }

    /** A history step's note, with the outcome it starts with (as closing records it) in words. */
    public String note(String note) {
        if (note == null) {
            return "";
        }
        int cut = note.indexOf(": ");
        String head = cut < 0 ? note : note.substring(0, cut);
        return Outcome.fromId(head).map(o -> o.label() + (cut < 0 ? "" : note.substring(cut))).orElse(note);
    }

    /** "30 November 2026 at 9:05am", in the partnership's own zone. */
    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(surveys.zone())).replace("AM", "am").replace("PM", "pm");
    }
}
