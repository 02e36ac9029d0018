package org.heard.survey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules an answer must follow, shared by every channel so the web, the API and the bot accept
 * exactly the same answers. Messages follow GOV.UK error message style: say what to do.
 */
public final class AnswerRules {
    private AnswerRules() {
    }

    /** The outcome of checking one question's answer. */
    public sealed interface Checked permits Accepted, Rejected {
    }

    /** Accepted, with the values in their stored form (empty when an optional question was skipped). */
    public record Accepted(List<String> values) implements Checked {
    }

    /** Rejected, with a message a person can act on. */
    public record Rejected(String message) implements Checked {
    }

    /** The outcome of checking a whole submission. */
    public record Result(Map<String, List<String>> answers, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks every answer against its question. Answers to questions whose "show if" condition does
     * not hold are dropped, so going back and changing an earlier answer never blocks a submission.
     */
    public static Result checkAll(Survey survey, Map<String, List<String>> raw, Agencies agencies) {
        var errors = new LinkedHashMap<String, String>();
        for (String key : raw.keySet()) {
            if (survey.question(key).isEmpty()) {
                errors.put(key, "There is no question '" + key + "' in this survey");
            }
        }
        var accepted = new LinkedHashMap<String, List<String>>();
        for (Question q : survey.questions()) {
            if (!q.isAsked(accepted)) {
                continue;
            }
            switch (check(q, raw.getOrDefault(q.id(), List.of()), agencies)) {
                case Accepted a -> {
                    if (!a.values().isEmpty()) {
                        accepted.put(q.id(), a.values());
                    }
                }
                case Rejected r -> errors.put(q.id(), r.message());
            }
        }
        return new Result(accepted, errors);
    }

    /** Checks one question's answer given as text values (a form field, a JSON value, a chat reply). */
    public static Checked check(Question q, List<String> raw, Agencies agencies) {
        List<String> given = raw.stream().map(v -> v == null ? "" : clean(v)).filter(v -> !v.isEmpty()).toList();
        if (given.isEmpty()) {
            return q.required() ? new Rejected(missingMessage(q)) : new Accepted(List.of());
        }
        if (q.type() != QuestionType.MULTIPLE_CHOICE && given.size() > 1) {
            return new Rejected("Give one answer only");
        }
        String value = given.getFirst();
        if (q.preferNotToSay() && Question.PREFER_NOT_TO_SAY.equals(value) && given.size() == 1) {
            return new Accepted(List.of(value));
        }
        return switch (q.type()) {
            case SHORT_TEXT, LONG_TEXT -> value.codePointCount(0, value.length()) > q.textLimit()
                    ? new Rejected("Your answer must be " + q.textLimit() + " characters or fewer")
                    : new Accepted(List.of(value));
            case NUMBER -> number(q, value);
            case DATE -> date(value);
            case SCALE -> scale(q, value);
            case MULTIPLE_CHOICE -> multiple(q, given, agencies);
            default -> q.choices(agencies.all()).stream().anyMatch(o -> o.value().equals(value))
                    ? new Accepted(List.of(value))
                    : new Rejected("Select one of the answers shown");
        };
    }

    private static Checked multiple(Question q, List<String> given, Agencies agencies) {
        Set<String> offered = q.choices(agencies.all()).stream().map(Option::value).collect(Collectors.toSet());
        var chosen = new LinkedHashSet<String>();
        for (String v : given) {
            if (!offered.contains(v)) {
                return new Rejected("Select only the answers shown");
            }
            chosen.add(v);
        }
        if (chosen.contains(Question.PREFER_NOT_TO_SAY) && chosen.size() > 1) {
            return new Rejected("Select ‘Prefer not to say’ on its own, or the answers that fit");
        }
        return new Accepted(new ArrayList<>(chosen));
    }

    private static Checked scale(Question q, String value) {
        Scale s = q.scale();
        try {
            int n = new BigDecimal(value).intValueExact();
            if (n >= s.min() && n <= s.max()) {
                return new Accepted(List.of(String.valueOf(n)));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the message below
        }
        return new Rejected("Choose a number from " + s.min() + " to " + s.max());
    }

    private static Checked number(Question q, String value) {
        double d;
        try {
            d = Double.parseDouble(value.replace(",", ""));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            return new Rejected("Enter a number, like 12");
        }
        if ((q.min() != null && d < q.min()) || (q.max() != null && d > q.max())) {
            return new Rejected("Enter a number " + range(q));
        }
        return new Accepted(List.of(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString()));
    }

    private static String range(Question q) {
        if (q.min() != null && q.max() != null) {
            return "from " + plain(q.min()) + " to " + plain(q.max());
        }
        return q.min() != null ? plain(q.min()) + " or more" : plain(q.max()) + " or less";
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Checked date(String value) {
        try {
            return new Accepted(List.of(LocalDate.parse(value).toString()));
        } catch (DateTimeParseException e) {
            return new Rejected("Enter a real date, like 2026-03-31");
        }
    }

    private static String missingMessage(Question q) {
        return switch (q.type()) {
            case SHORT_TEXT, LONG_TEXT -> "Enter an answer";
            case NUMBER -> "Enter a number";
            case DATE -> "Enter a date";
            case AGENCY -> "Select your agency";
            case MULTIPLE_CHOICE -> "Select at least one answer";
            default -> "Select an answer";
        };
    }

    /**
     * Removes control characters (except line breaks and tabs) and surrounding space, so stored text
     * can never carry terminal escapes or invisible bidi tricks into reports.
     */
    static String clean(String s) {
        var sb = new StringBuilder(s.length());
        s.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean control = type == Character.CONTROL && cp != '\n' && cp != '\t';
            boolean bidi = cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
            if (!control && !bidi) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString().strip();
    }
}
