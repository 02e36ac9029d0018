package org.heard.form;

import io.netty.handler.codec.http.QueryStringDecoder;
import org.heard.survey.Question;
import org.heard.survey.QuestionType;
import org.heard.survey.Survey;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posted form, decoded. Answers are fields named by question id; dates come as three fields
 * (day, month, year) as the GOV.UK date pattern asks, and are joined here.
 */
record FormInput(Map<String, List<String>> fields) {

    static FormInput parse(String body) {
        var decoder = new QueryStringDecoder(body == null ? "" : body, StandardCharsets.UTF_8, false, 2000);
        return new FormInput(decoder.parameters());
    }

    String one(String name) {
        List<String> v = fields.get(name);
        return v == null || v.isEmpty() ? null : v.getFirst();
    }

    /** The answers to the given questions as typed, with dates joined into YYYY-MM-DD. */
    Map<String, List<String>> answers(Survey survey, List<Question> questions) {
        var out = new LinkedHashMap<String, List<String>>();
        for (Question q : questions) {
            if (q.type() == QuestionType.DATE) {
                String d = trim(one(q.id() + "-day"));
                String m = trim(one(q.id() + "-month"));
                String y = trim(one(q.id() + "-year"));
                if (!d.isEmpty() || !m.isEmpty() || !y.isEmpty()) {
                    out.put(q.id(), List.of(y + "-" + pad(m) + "-" + pad(d)));
                }
            } else if (fields.containsKey(q.id())) {
                out.put(q.id(), fields.get(q.id()));
            }
        }
        return out;
    }

    /** The values of a response link's own fields ({@code link.<name>}), trimmed; blanks left out. */
    Map<String, String> linkValues(List<org.heard.response.ResponseLink.Field> linkFields) {
        var out = new LinkedHashMap<String, String>();
        for (var f : linkFields) {
            String v = trim(one("link." + f.name()));
            if (!v.isEmpty()) {
                out.put(f.name(), v);
            }
        }
        return out;
    }

    /** Answers carried from earlier pages in hidden fields ({@code prev.<question id>}). */
    Map<String, List<String>> carried(Survey survey) {
        var out = new LinkedHashMap<String, List<String>>();
        for (Question q : survey.questions()) {
            List<String> v = fields.get("prev." + q.id());
            if (v != null && !v.isEmpty()) {
                out.put(q.id(), v);
            }
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }
}
