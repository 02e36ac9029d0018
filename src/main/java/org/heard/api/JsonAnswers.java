package org.heard.api;

import org.heard.survey.Question;
import org.heard.survey.QuestionType;
import org.heard.survey.Survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON answer values into the text values every channel submits, rejecting values of the
 * wrong JSON type: text and choices are strings, scales and numbers are numbers, multiple choice is
 * a list of strings.
 */
final class JsonAnswers {
    private JsonAnswers() {
    }

    record Converted(Map<String, List<String>> answers, Map<String, String> errors) {
    }

    static Converted convert(Survey survey, Map<String, Object> json) {
        var answers = new LinkedHashMap<String, List<String>>();
        var errors = new LinkedHashMap<String, String>();
        json.forEach((id, value) -> {
            var q = survey.question(id);
            if (q.isEmpty()) {
                errors.put(id, "There is no question '" + id + "' in this survey");
                return;
            }
            String problem = convertOne(q.get(), value, answers);
            if (problem != null) {
                errors.put(id, problem);
            }
        });
        return new Converted(answers, errors);
    }

    private static String convertOne(Question q, Object value, Map<String, List<String>> out) {
        if (value == null) {
            return null;
        }
        boolean number = q.type() == QuestionType.SCALE || q.type() == QuestionType.NUMBER;
        if (Question.PREFER_NOT_TO_SAY.equals(value) && q.preferNotToSay()) {
            out.put(q.id(), List.of(Question.PREFER_NOT_TO_SAY));
            return null;
        }
        if (q.type() == QuestionType.MULTIPLE_CHOICE) {
            if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
                return "Give a list of option values, like [\"" + (q.options().isEmpty() ? "value" : q.options().getFirst().value()) + "\"]";
            }
            out.put(q.id(), new ArrayList<>(list.stream().map(Object::toString).toList()));
            return null;
        }
        if (number) {
            if (!(value instanceof Number n)) {
                return "Give a number, not text";
            }
            out.put(q.id(), List.of(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()));
            return null;
        }
        if (!(value instanceof String s)) {
            return q.type().isChoice() ? "Give one option value as text" : "Give the answer as text";
        }
        out.put(q.id(), List.of(s));
        return null;
    }
}
