package org.heard.search;

import jakarta.inject.Singleton;
import org.heard.survey.Audience;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyConfiguration;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * What the search page shows people for the index's ids: audience, survey and agency names, months
 * and dates in words. A value the definition files no longer name is shown as it is.
 */
@Singleton
class SearchLabels {
    private static final Map<String, String> HEADINGS = Map.of("audience", "Who", "survey", "Survey", "agency", "Agency", "month", "Month");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final SurveyCatalog catalog;
    private final SurveyConfiguration surveys;

    SearchLabels(SurveyCatalog catalog, SurveyConfiguration surveys) {
        this.catalog = catalog;
        this.surveys = surveys;
    }

    public String heading(String dimension) {
        return HEADINGS.getOrDefault(dimension, dimension);
    }

    public String label(String dimension, String value) {
        return switch (dimension) {
            case "audience" -> Audience.labelOf(value);
            case "survey" -> catalog.title(value);
            case "agency" -> "none".equals(value) ? "No agency" : catalog.agencies().name(value);
            case "month" -> month(value);
            default -> value;
        };
    }

    /** The day an answer was given, in the partnership's own zone. */
    public String day(Instant when) {
        return DAY.format(when.atZone(surveys.zone()));
    }

    private static String month(String value) {
        try {
            return MONTH.format(YearMonth.parse(value));
        } catch (DateTimeParseException e) {
            return value;
        }
    }
}
