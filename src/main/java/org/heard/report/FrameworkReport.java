package org.heard.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.consultation.ActivityFilter;
import org.heard.consultation.ConsultationLog;
import org.heard.consultation.YouSaidWeDid;
import org.heard.framework.Framework;
import org.heard.survey.Question;
import org.heard.survey.QuestionType;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyConfiguration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence Heard holds for each measure of a framework in a period: how many responses answered
 * the questions mapped to it, the share answering positively (with its base), consultation
 * activities tagged with it, and completed "You said, we did" actions as outcome evidence. A measure
 * with none of these is a gap.
 */
@Singleton
public class FrameworkReport {
    private final List<MeasureEvidenceSource> sources;
    private final SurveyCatalog catalog;
    private final ResponseFigures figures;
    private final Suppression suppression;
    private final ReportConfiguration config;
    private final ConsultationLog log;
    private final YouSaidWeDid actions;
    private final SurveyConfiguration surveyConfig;

    FrameworkReport(SurveyCatalog catalog, ResponseFigures figures, Suppression suppression, ReportConfiguration config,
                    ConsultationLog log, YouSaidWeDid actions, SurveyConfiguration surveyConfig, List<MeasureEvidenceSource> sources) {
        this.sources = sources;
        this.catalog = catalog;
        this.figures = figures;
        this.suppression = suppression;
        this.config = config;
        this.log = log;
        this.actions = actions;
        this.surveyConfig = surveyConfig;
    }

    /**
     * A mapped question's evidence: responses, and for closed questions the positive share.
     *
     * @param closed      whether the question has a positive share at all (yes/no or a scale); for
     *                    these a null {@code percentPositive} means the base was too small
     * @param change      percentage points against the comparison period
     * @param significant whether the change is bigger than chance at these sample sizes (two-proportion
     *                    z-test, p below 0.05)
     */
    @Serdeable
    public record QuestionEvidence(String surveyId, String questionId, String text, boolean closed, Cell responses,
                                   @Nullable Integer percentPositive, @Nullable String statement,
                                   @Nullable Integer previousPercent, @Nullable Integer change, @Nullable Boolean significant) {
    }

    @Serdeable
    public record Action(String said, String did, LocalDate doneOn) {
    }

    @Serdeable
    public record MeasureEvidence(String id, String kind, String text, List<QuestionEvidence> questions, Cell activities,
                                  List<Action> outcomes, List<String> otherEvidence, boolean gap) {
    }

    @Serdeable
    public record AreaEvidence(String id, String title, List<MeasureEvidence> measures, int quantitative, int qualitative,
                               int outcome) {
    }

    @Serdeable
    public record Report(String framework, String title, LocalDate from, LocalDate to, List<AreaEvidence> areas, int gaps) {
    }

    public Report build(Framework f, LocalDate from, LocalDate to) {
        return build(f, from, to, null);
    }

    /** With a comparison period, closed questions also show the change and whether it is bigger than chance. */
    public Report build(Framework f, LocalDate from, LocalDate to, @Nullable Period compare) {
        Instant start = from.atStartOfDay(surveyConfig.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(surveyConfig.zone()).toInstant();
        Map<String, Map<String, Long>> answered = new HashMap<>();
        Map<String, List<ResponseFigures.Value>> values = new HashMap<>();
        Map<String, List<ResponseFigures.Value>> before = new HashMap<>();
        var activities = log.list(new ActivityFilter(from, to, null, null, null, null));
        Map<String, List<String>> other = new HashMap<>();
        sources.forEach(source -> source.evidence(from, to).forEach((measure, lines) ->
                other.computeIfAbsent(measure, k -> new ArrayList<>()).addAll(lines)));
        var areas = new ArrayList<AreaEvidence>();
        int gaps = 0;
        for (Framework.Section section : f.sections()) {
            for (Framework.Area area : section.areas()) {
                var measures = new ArrayList<MeasureEvidence>();
                int[] balance = new int[3];
                for (Framework.Measure m : area.measures()) {
                    var questions = new ArrayList<QuestionEvidence>();
                    for (Survey s : catalog.all()) {
                        for (Question q : s.questions()) {
                            if (q.measures().contains(m.id())) {
                                long n = answered.computeIfAbsent(s.id(), id -> figures.answered(id, start, end)).getOrDefault(q.id(), 0L);
                                var now = evidence(s, q, n, values.computeIfAbsent(s.id(), id -> figures.values(id, start, end)));
                                if (compare != null) {
                                    Instant cs = compare.from().atStartOfDay(surveyConfig.zone()).toInstant();
                                    Instant ce = compare.to().plusDays(1).atStartOfDay(surveyConfig.zone()).toInstant();
                                    now = compared(now, q, values.get(s.id()), before.computeIfAbsent(s.id(), id -> figures.values(id, cs, ce)));
                                }
                                questions.add(now);
                            }
                        }
                    }
                    long tagged = activities.stream().filter(a -> a.measures().contains(m.id())).count();
                    List<Action> outcomes = actions.doneFor(m.id(), from, to).stream()
                            .map(a -> new Action(a.said(), a.did(), a.doneOn())).toList();
                    boolean hasResponses = questions.stream().anyMatch(q -> q.responses().suppressed() || q.responses().value() > 0);
                    List<String> otherEvidence = other.getOrDefault(m.id(), List.of());
                    boolean gap = !hasResponses && tagged == 0 && outcomes.isEmpty() && otherEvidence.isEmpty();
                    if (gap) {
                        gaps++;
                    } else {
                        balance[switch (m.kind()) {
                            case "quantitative" -> 0;
                            case "qualitative" -> 1;
                            default -> 2;
                        }]++;
                    }
                    measures.add(new MeasureEvidence(m.id(), m.kind(), m.text(), questions, suppression.count(tagged), outcomes, otherEvidence, gap));
                }
                areas.add(new AreaEvidence(area.id(), area.title(), measures, balance[0], balance[1], balance[2]));
            }
        }
        return new Report(f.id(), f.title(), from, to, areas, gaps);
    }

    private QuestionEvidence evidence(Survey s, Question q, long responses, List<ResponseFigures.Value> values) {
        Integer percent = null;
        String statement = null;
        long[] t = positive(q, values);
        if (t != null && t[1] >= config.minimumPercentageBase()) {
            percent = (int) Math.round(100.0 * t[0] / t[1]);
            statement = percent + "% of " + t[1] + " " + s.audience().label().toLowerCase() + " answered positively: " + q.text();
        }
        return new QuestionEvidence(s.id(), q.id(), q.text(), t != null, suppression.count(responses), percent, statement, null, null, null);
    }

    private QuestionEvidence compared(QuestionEvidence e, Question q, List<ResponseFigures.Value> now, List<ResponseFigures.Value> before) {
        long[] a = positive(q, now);
        long[] b = positive(q, before);
        if (a == null || b == null || a[1] < config.minimumPercentageBase() || b[1] < config.minimumPercentageBase()) {
            return e;
        }
        double p1 = (double) a[0] / a[1];
        double p2 = (double) b[0] / b[1];
        double pooled = (double) (a[0] + b[0]) / (a[1] + b[1]);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a[1] + 1.0 / b[1]));
        boolean significant = se > 0 && Math.abs(p1 - p2) / se > 1.96;
        int previous = (int) Math.round(100 * p2);
        return new QuestionEvidence(e.surveyId(), e.questionId(), e.text(), e.closed(), e.responses(), e.percentPositive(), e.statement(),
                previous, (int) Math.round(100 * p1) - previous, significant);
    }

    /** Positive and total answers to a closed question ({yes} or the top two points of a scale), or null for other types. */
    @Nullable
    private static long[] positive(Question q, List<ResponseFigures.Value> values) {
        if (q.type() != QuestionType.YES_NO && q.type() != QuestionType.SCALE) {
            return null;
        }
        long base = 0;
        long positive = 0;
        for (var v : values) {
            if (!v.questionId().equals(q.id())) {
                continue;
            }
            if (q.type() == QuestionType.YES_NO && v.choice() != null && !v.choice().equals(Question.PREFER_NOT_TO_SAY)) {
                base += v.answers();
                positive += v.choice().equals("yes") ? v.answers() : 0;
            } else if (q.type() == QuestionType.SCALE && v.number() != null) {
                base += v.answers();
                // The top two points of the scale count as positive ("agree", "safe").
                positive += v.number() >= q.scale().max() - 1 ? v.answers() : 0;
            }
        }
        return new long[] {positive, base};
    }
}
