package org.heard.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.heard.report.Cell;
import org.heard.report.ReportConfiguration;
import org.heard.report.Suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The impact figures for one group of evaluations (a course, a session or an agency). Counts go
 * through suppression; a mean or a percentage is withheld when its base is below the minimum, since
 * an average of three people says little and may say too much.
 *
 * @param dayResponses           on-the-day evaluations
 * @param overall                mean overall rating of the session (1–5)
 * @param outcomes               mean score for each learning outcome, in the course's order (1–5)
 * @param knowledgeBefore        mean self-rated knowledge before the session, as recalled on the day
 * @param knowledgeAfter         mean self-rated knowledge at the end of the day
 * @param confidence             mean confidence to act, on the day
 * @param invited                people sent the three-month invitation
 * @param followUps              three-month responses
 * @param responseRate           follow-up responses as a percentage of those invited
 * @param knowledgeImproved      share saying at three months that their knowledge improved
 * @param confidenceImproved     share saying they are more confident to act
 * @param practiceChanged        share saying they changed their practice
 * @param pairs                  people with both an on-the-day and a three-month response
 * @param knowledgeChange        mean change in self-rated knowledge from the end of the day to three months, over pairs
 * @param confidenceChange       mean change in confidence from the day to three months, over pairs
 * @param intendedThenChanged    of pairs who said on the day what they would do differently, the share reporting changed practice
 */
@Serdeable
public record ImpactFigures(Cell dayResponses, @Nullable Double overall, List<Double> outcomes, @Nullable Double knowledgeBefore,
                            @Nullable Double knowledgeAfter, @Nullable Double confidence, Cell invited, Cell followUps,
                            @Nullable Integer responseRate, Share knowledgeImproved, Share confidenceImproved, Share practiceChanged,
                            Cell pairs, @Nullable Double knowledgeChange, @Nullable Double confidenceChange, Share intendedThenChanged) {

    /** A percentage with its base; the percentage is withheld when the base is too small. */
    @Serdeable
    public record Share(@Nullable Integer percent, Cell base) {
    }

    /** One evaluation response's answers, by question id. */
    record Answers(long responseId, String pairToken, Map<String, String> values) {
        @Nullable
        Double number(String question) {
            String v = values.get(question);
            try {
                return v == null ? null : Double.valueOf(v);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        boolean yes(String question) {
            return "yes".equals(values.get(question));
        }

        boolean answered(String question) {
            String v = values.get(question);
            return v != null && !v.isBlank() && !"prefer_not_to_say".equals(v);
        }
    }

    static ImpactFigures of(List<Answers> day, List<Answers> followUp, long invited, int outcomeCount,
                            Suppression suppression, ReportConfiguration config) {
        int minBase = config.minimumPercentageBase();
        var outcomes = new ArrayList<Double>();
        for (int i = 1; i <= outcomeCount; i++) {
            outcomes.add(mean(day, "outcome-" + i, minBase));
        }
        Map<String, Answers> dayByToken = new java.util.HashMap<>();
        day.forEach(a -> dayByToken.put(a.pairToken(), a));
        var knowledge = new ArrayList<Double>();
        var confidence = new ArrayList<Double>();
        long intended = 0;
        long intendedChanged = 0;
        long pairs = 0;
        for (Answers later : followUp) {
            Answers earlier = dayByToken.get(later.pairToken());
            if (earlier == null) {
                continue;
            }
            pairs++;
            addDifference(knowledge, later.number("knowledge-now"), earlier.number("knowledge-after"));
            addDifference(confidence, later.number("confidence-now"), earlier.number("confidence"));
            if (earlier.answered("do-differently")) {
                intended++;
                if (later.yes("practice-changed")) {
                    intendedChanged++;
                }
            }
        }
        return new ImpactFigures(suppression.count(day.size()), mean(day, "overall", minBase), outcomes,
                mean(day, "knowledge-before", minBase), mean(day, "knowledge-after", minBase), mean(day, "confidence", minBase),
                suppression.count(invited), suppression.count(followUp.size()),
                invited >= minBase ? (int) Math.round(100.0 * followUp.size() / invited) : null,
                share(followUp, a -> a.yes("knowledge-improved"), a -> a.answered("knowledge-improved"), suppression, minBase),
                share(followUp, a -> a.yes("confidence-improved"), a -> a.answered("confidence-improved"), suppression, minBase),
                share(followUp, a -> a.yes("practice-changed"), a -> a.answered("practice-changed"), suppression, minBase),
                suppression.count(pairs), knowledge.size() >= minBase ? round(average(knowledge)) : null,
                confidence.size() >= minBase ? round(average(confidence)) : null,
                new Share(intended >= minBase ? (int) Math.round(100.0 * intendedChanged / intended) : null, suppression.count(intended)));
    }

    private static void addDifference(List<Double> into, @Nullable Double later, @Nullable Double earlier) {
        if (later != null && earlier != null) {
            into.add(later - earlier);
        }
    }

    private static Share share(List<Answers> rows, Predicate<Answers> positive, Predicate<Answers> answered,
                               Suppression suppression, int minBase) {
        long base = rows.stream().filter(answered).count();
        long yes = rows.stream().filter(answered).filter(positive).count();
        return new Share(base >= minBase ? (int) Math.round(100.0 * yes / base) : null, suppression.count(base));
    }

    @Nullable
    private static Double mean(List<Answers> rows, String question, int minBase) {
        List<Double> values = rows.stream().map(a -> a.number(question)).filter(Objects::nonNull).toList();
        return values.size() >= minBase ? round(average(values)) : null;
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
