package org.heard.survey;

import org.heard.definition.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks each follow-up wave against its baseline once every survey file is read: the baseline must be
 * a valid first wave for the same audience, and each repeated question must exist there, have a positive
 * share that means the same, and give evidence for a framework measure in common, or the report could
 * not show the change anywhere. A follow-up with a problem is not served, like any invalid survey.
 */
final class FollowUpCheck {
    private FollowUpCheck() {
    }

    static void check(Map<String, Survey> surveys, Map<String, WaveDeclaration> declarations, List<Problem> problems) {
        for (Survey s : List.copyOf(surveys.values())) {
            FollowUp f = s.followUp();
            WaveDeclaration where = declarations.get(s.source());
            if (f == null || where == null) {
                continue;
            }
            var mine = new ArrayList<Problem>();
            Survey baseline = surveys.get(f.baseline());
            if (f.baseline().equals(s.id())) {
                mine.add(Problem.error(s.source(), where.line(), null, "a survey cannot be a follow-up of itself"));
            } else if (baseline == null) {
                mine.add(Problem.error(s.source(), where.line(), null,
                        "followUpOf names '" + f.baseline() + "', which is not a valid survey in this folder"));
            } else if (baseline.followUp() != null) {
                mine.add(Problem.error(s.source(), where.line(), null, "'" + f.baseline() + "' is itself a follow-up of '"
                        + baseline.followUp().baseline() + "': name the first wave as the baseline"));
            } else if (baseline.audience() != s.audience()) {
                mine.add(Problem.error(s.source(), where.line(), null, "the baseline '" + f.baseline() + "' asks "
                        + baseline.audience().id() + " but this survey asks " + s.audience().id() + ": waves compare the same audience"));
            } else {
                f.repeats().forEach((questionId, baselineId) ->
                        repeated(s, questionId, baseline, baselineId, where.repeatLines().getOrDefault(questionId, where.line()), mine));
            }
            if (!mine.isEmpty()) {
                problems.addAll(mine);
                surveys.remove(s.id());
            }
        }
    }

    private static void repeated(Survey s, String questionId, Survey baseline, String baselineId, int line, List<Problem> problems) {
        String subject = "question '" + questionId + "'";
        Question q = s.question(questionId).orElseThrow();
        var b = baseline.question(baselineId);
        if (b.isEmpty()) {
            problems.add(Problem.error(s.source(), line, subject,
                    "repeats '" + baselineId + "', which is not a question in '" + baseline.id() + "'"));
        } else if (!q.sharesPositiveMeaningWith(b.get())) {
            String why = q.type() == b.get().type() && q.hasPositiveShare() ? "the scales have different points"
                    : "this is " + q.type().id() + ", that is " + b.get().type().id();
            problems.add(Problem.error(s.source(), line, subject, "repeats '" + baselineId + "', but only yes/no questions, or scales "
                    + "with the same points, can be compared across waves (" + why + ")"));
        } else if (q.measures().stream().noneMatch(b.get().measures()::contains)) {
            problems.add(Problem.error(s.source(), line, subject, "repeats '" + baselineId
                    + "', but the two give evidence for no framework measure in common, so no report would show the change"));
        }
    }
}
