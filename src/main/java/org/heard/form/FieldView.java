package org.heard.form;

import io.micronaut.core.annotation.Nullable;
import org.heard.survey.Option;
import org.heard.survey.Question;

import java.util.List;

/**
 * What the page template needs to draw one question: its wording, the answers on offer, what the
 * person already gave (kept when a page comes back with errors) and the error to show.
 */
record FieldView(String id, String type, String text, @Nullable String hint, boolean required, List<Option> choices,
                 List<String> values, @Nullable String error, @Nullable String day, @Nullable String month,
                 @Nullable String year, int maxLength) {

    static FieldView of(Question q, List<Option> choices, List<String> values, @Nullable String error) {
        String day = null;
        String month = null;
        String year = null;
        if (q.type().id().equals("date") && !values.isEmpty()) {
            String[] parts = values.getFirst().split("-", 3);
            if (parts.length == 3) {
                year = parts[0];
                month = parts[1];
                day = parts[2];
            }
        }
        return new FieldView(q.id(), q.type().id(), q.text(), q.hint(), q.required(), choices, values, error,
                day, month, year, q.textLimit());
    }

    public boolean has(String value) {
        return values.contains(value);
    }

    public String value() {
        return values.isEmpty() ? "" : values.getFirst();
    }

    public boolean many() {
        return type.equals("multiple_choice");
    }

    // Class names are built here because Thymeleaf reads "__" inside attribute expressions as preprocessing.
    public String groupClass() {
        return many() ? "govuk-checkboxes" : "govuk-radios" + (type.equals("scale") || type.equals("yes_no") ? " govuk-radios--inline" : "");
    }

    public String itemClass() {
        return many() ? "govuk-checkboxes" + "__item" : "govuk-radios" + "__item";
    }

    public String inputClass() {
        return many() ? "govuk-checkboxes" + "__input" : "govuk-radios" + "__input";
    }

    public String labelClass() {
        return "govuk-label " + (many() ? "govuk-checkboxes" + "__label" : "govuk-radios" + "__label");
    }

    /** The id of the n-th (1-based) choice: the first carries the question id so the error summary can link to it. */
    public String choiceId(int n) {
        return n == 1 ? id : id + "-" + n;
    }

    /** The id the error summary links to: the first radio or checkbox, or the input itself. */
    public String anchor() {
        return type.equals("date") ? id + "-day" : id;
    }
}
