package org.heard.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.heard.survey.Option;
import org.heard.survey.Question;
import org.heard.survey.Scale;
import org.heard.survey.Survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A survey definition as the API shows it: everything a client needs to ask the questions. */
@Serdeable
record SurveyJson(String id, String title, int version, String audience, List<String> channels, String anonymity,
                  LocalDate opens, @Nullable LocalDate closes, String status, String introduction, String privacy,
                  List<QuestionJson> questions) {

    @Serdeable
    record OptionJson(String value, String label) {
    }

    @Serdeable
    record ScaleJson(int min, int max, @Nullable String minLabel, @Nullable String maxLabel) {
    }

    @Serdeable
    record ConditionJson(String question, Set<String> values) {
    }

    @Serdeable
    record QuestionJson(String id, String type, String text, @Nullable String hint, boolean required,
                        List<OptionJson> options, @Nullable ScaleJson scale, @Nullable Double min, @Nullable Double max,
                        @Nullable Integer maxLength, @Nullable ConditionJson showIf, List<String> measures) {
    }

    static SurveyJson of(Survey s, String status, List<Option> agencies) {
        return new SurveyJson(s.id(), s.title(), s.version(), s.audience().id(),
                s.channels().stream().map(c -> c.id()).sorted().toList(), s.anonymity().id(), s.opens(), s.closes(),
                status, s.introduction(), s.privacy(), s.questions().stream().map(q -> question(q, agencies)).toList());
    }

    private static QuestionJson question(Question q, List<Option> agencies) {
        Scale sc = q.scale();
        return new QuestionJson(q.id(), q.type().id(), q.text(), q.hint(), q.required(),
                q.choices(agencies).stream().map(o -> new OptionJson(o.value(), o.label())).toList(),
                sc == null ? null : new ScaleJson(sc.min(), sc.max(), sc.minLabel(), sc.maxLabel()),
                q.min(), q.max(), q.type().isFreeText() ? q.textLimit() : null,
                q.showIf() == null ? null : new ConditionJson(q.showIf().questionId(), q.showIf().values()),
                q.measures());
    }
}
