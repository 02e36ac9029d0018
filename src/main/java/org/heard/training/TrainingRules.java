package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.heard.framework.FrameworkCatalog;
import org.heard.survey.SurveyCatalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks courses, sessions and attendees, with what to fix in each field. */
@Singleton
class TrainingRules {
    /** The on-the-day evaluation rates up to three learning outcomes. */
    static final int MAX_OUTCOMES = 3;
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    private final FrameworkCatalog frameworks;
    private final SurveyCatalog surveys;

    TrainingRules(FrameworkCatalog frameworks, SurveyCatalog surveys) {
        this.frameworks = frameworks;
        this.surveys = surveys;
    }

    Map<String, String> course(CourseDraft d) {
        var errors = new LinkedHashMap<String, String>();
        if (blank(d.title())) {
            errors.put("title", "Enter the course title");
        } else if (d.title().length() > 300) {
            errors.put("title", "The title must be 300 characters or fewer");
        }
        if (d.ref() != null && !d.ref().isBlank() && !d.ref().strip().matches("[A-Za-z0-9._-]{1,100}")) {
            errors.put("ref", "The reference can only have letters, digits, '.', '_' and '-'");
        }
        List<String> outcomes = orEmpty(d.outcomes());
        if (outcomes.isEmpty()) {
            errors.put("outcomes", "Enter at least one learning outcome");
        } else if (outcomes.size() > MAX_OUTCOMES) {
            errors.put("outcomes", "Enter up to " + MAX_OUTCOMES + " learning outcomes: the evaluation rates each one");
        }
        orEmpty(d.areas()).stream().filter(a -> !frameworks.areaExists(a)).findFirst().ifPresent(a ->
                errors.put("areas", "'" + a + "' is not a framework area (use framework/area, e.g. harrow-qaf-2015/A5)"));
        orEmpty(d.measures()).stream().filter(m -> !frameworks.exists(m)).findFirst().ifPresent(m ->
                errors.put("measures", "'" + m + "' is not a framework measure"));
        return errors;
    }

    Map<String, String> session(SessionDraft d) {
        var errors = new LinkedHashMap<String, String>();
        if (date(d.heldOn()) == null) {
            errors.put("heldOn", "Enter the date of the session, like 2026-03-31");
        }
        if (blank(d.trainer())) {
            errors.put("trainer", "Enter who delivered the session");
        }
        if (blank(d.venue())) {
            errors.put("venue", "Enter where the session was held");
        }
        if (d.capacity() == null || d.capacity() < 1 || d.capacity() > 10_000) {
            errors.put("capacity", "Enter how many places there were, from 1 to 10000");
        }
        return errors;
    }

    Map<String, String> attendee(AttendeeDraft d) {
        var errors = new LinkedHashMap<String, String>();
        if (blank(d.agency())) {
            errors.put("agency", "Enter the attendee's agency");
        } else if (surveys.agencies().find(d.agency().strip()).isEmpty()) {
            errors.put("agency", "'" + d.agency().strip() + "' is not on the agency list");
        }
        if (!blank(d.email()) && !EMAIL.matcher(d.email().strip()).matches()) {
            errors.put("email", "Enter an email address like name@example.org, or leave it blank");
        }
        if (!blank(d.name()) && d.name().length() > 200) {
            errors.put("name", "The name must be 200 characters or fewer");
        }
        return errors;
    }

    @Nullable
    static LocalDate date(@Nullable String s) {
        try {
            return blank(s) ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static List<String> orEmpty(@Nullable List<String> list) {
        return list == null ? List.of() : list.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
