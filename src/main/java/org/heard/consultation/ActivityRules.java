package org.heard.consultation;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.heard.framework.FrameworkCatalog;
import org.heard.survey.SurveyCatalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Checks an activity draft; each problem is a message a person can act on, keyed by field. */
@Singleton
class ActivityRules {
    private final FrameworkCatalog frameworks;
    private final SurveyCatalog surveys;

    ActivityRules(FrameworkCatalog frameworks, SurveyCatalog surveys) {
        this.frameworks = frameworks;
        this.surveys = surveys;
    }

    record Checked(@Nullable Activity activity, Map<String, String> errors) {
    }

    Checked check(ActivityDraft d, @Nullable Long id, String defaultRef) {
        var errors = new LinkedHashMap<String, String>();
        String ref = blank(d.ref()) ? defaultRef : d.ref().strip();
        if (!ref.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}")) {
            errors.put("ref", "The reference may use letters, digits, '.', '_', '/' and '-', up to 100 characters");
        }
        LocalDate heldOn = null;
        try {
            heldOn = blank(d.heldOn()) ? null : LocalDate.parse(d.heldOn().strip());
        } catch (DateTimeParseException e) {
            errors.put("heldOn", "Enter the date like 2026-03-31");
        }
        if (heldOn == null && !errors.containsKey("heldOn")) {
            errors.put("heldOn", "Enter the date of the activity");
        }
        String title = blank(d.title()) ? null : d.title().strip();
        if (title == null || title.length() > 300) {
            errors.put("title", "Enter a title of up to 300 characters");
        }
        List<String> audiences = ActivityDraft.orEmpty(d.audiences());
        if (audiences.isEmpty()) {
            errors.put("audiences", "Select who took part");
        } else {
            unknown(audiences, a -> AudienceGroup.fromId(a).isPresent(), "audiences", "is not an audience group", errors);
        }
        List<String> areas = ActivityDraft.orEmpty(d.areas());
        unknown(areas, frameworks::areaExists, "areas", "is not a framework area (use framework/area, e.g. harrow-qaf-2015/B2-children)", errors);
        List<String> measures = ActivityDraft.orEmpty(d.measures());
        unknown(measures, frameworks::exists, "measures", "is not a framework measure", errors);
        String method = blank(d.method()) ? null : d.method().strip();
        if (method == null || Method.fromId(method).isEmpty()) {
            errors.put("method", "Select how people were heard");
        }
        Integer participants = count(d.participants(), "participants", true, errors);
        var bands = new Activity.AgeBands(count(d.under11(), "under11", false, errors), count(d.from11To15(), "from11To15", false, errors),
                count(d.from16To17(), "from16To17", false, errors), count(d.adults(), "adults", false, errors));
        int banded = sum(bands);
        if (participants != null && banded > participants) {
            errors.put("participants", "The age bands add up to more than the number who took part");
        }
        String agency = blank(d.leadAgency()) ? null : d.leadAgency().strip();
        if (agency != null && surveys.agencies().find(agency).isEmpty()) {
            errors.put("leadAgency", "Select an agency from the list");
        }
        List<String> linked = ActivityDraft.orEmpty(d.surveys());
        unknown(linked, s -> surveys.find(s).isPresent(), "surveys", "is not a Heard survey", errors);
        String messages = limit(d.keyMessages(), "keyMessages", errors);
        String followUp = limit(d.followUp(), "followUp", errors);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new Activity(id, ref, heldOn, title, audiences, areas, measures, method, participants, bands, agency,
                linked, messages, followUp), Map.of());
    }

    private static void unknown(List<String> values, Predicate<String> ok, String field, String problem, Map<String, String> errors) {
        values.stream().filter(ok.negate()).findFirst().ifPresent(v -> errors.put(field, "'" + v + "' " + problem));
    }

    @Nullable
    private static Integer count(@Nullable String s, String field, boolean required, Map<String, String> errors) {
        if (blank(s)) {
            if (required) {
                errors.put(field, "Enter how many took part");
            }
            return null;
        }
        try {
            int n = Integer.parseInt(s.strip());
            if (n < 0 || n > 1_000_000) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number, like 25");
            return null;
        }
    }

    private static int sum(Activity.AgeBands b) {
        int total = 0;
        for (Integer n : new Integer[] {b.under11(), b.from11To15(), b.from16To17(), b.adults()}) {
            total += n == null ? 0 : n;
        }
        return total;
    }

    @Nullable
    private static String limit(@Nullable String s, String field, Map<String, String> errors) {
        if (blank(s)) {
            return null;
        }
        if (s.length() > 10_000) {
            errors.put(field, "Keep this to 10,000 characters or fewer");
        }
        return s.strip();
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    static final Set<String> FIELDS = Set.of("ref", "heldOn", "title", "audiences", "areas", "measures", "method",
            "participants", "leadAgency", "surveys", "keyMessages", "followUp");
}
