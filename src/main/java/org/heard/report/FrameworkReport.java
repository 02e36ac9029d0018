package org.heard.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.consultation.ActivityFilter;
import org.heard.consultation.ConsultationLog;
import org.heard.consultation.YouSaidWeDid;
import org.heard.framework.Framework;
import org.heard.survey.Question;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyConfiguration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The evidence Heard holds for each measure of a framework in a period: how many responses answered
 * the questions mapped to it, the share answering positively (with its base), consultation
 * activities tagged with it, and completed "You said, we did" actions as outcome evidence. A measure
 * with none of these is a gap. Outcome evidence also includes the change against a comparison period
 * and, for a follow-up survey, the change from its baseline wave. For free-text questions, the top
 * themes in what people wrote, with quotes from themes enough people raised.
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
    private final WaveComparison waves;
    private final FreeTextThemes freeText;
    private final MeasureCounts counts;

    FrameworkReport(SurveyCatalog catalog, ResponseFigures figures, Suppression suppression, ReportConfiguration config,
                    ConsultationLog log, YouSaidWeDid actions, SurveyConfiguration surveyConfig, List<MeasureEvidenceSource> sources,
                    WaveComparison waves, FreeTextThemes freeText, MeasureCounts counts) {
        this.counts = counts;
        this.freeText = freeText;
        this.waves = waves;
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
     * @param wave        for a question of a follow-up survey, the change from the baseline question it repeats
     * @param themes      for a free-text question, the top themes in its answers
     */
    @Serdeable
    public record QuestionEvidence(String surveyId, String questionId, String text, boolean closed, Cell responses,
                                   @Nullable Integer percentPositive, @Nullable String statement,
                                   @Nullable Integer previousPercent, @Nullable Integer change, @Nullable Boolean significant,
                                   @Nullable WaveChange wave, FreeTextThemes.@Nullable Themes themes) {

        QuestionEvidence withChange(int previous, int points, boolean differs) {
            return new QuestionEvidence(surveyId, questionId, text, closed, responses, percentPositive, statement, previous, points, differs,
                    wave, themes);
        }

        QuestionEvidence withWave(WaveChange change) {
            return new QuestionEvidence(surveyId, questionId, text, closed, responses, percentPositive, statement, previousPercent,
                    this.change, significant, change, themes);
        }

        QuestionEvidence withThemes(FreeTextThemes.Themes found) {
            return new QuestionEvidence(surveyId, questionId, text, closed, responses, percentPositive, statement, previousPercent,
                    change, significant, wave, found);
        }
    }

    /**
     * The change from a baseline wave to the follow-up for a question the follow-up asks again. Both
     * waves count the answers given in the report's period. A base from 1 to the threshold is hidden; a
     * percentage on a base below the minimum is withheld, and with it the change and its test.
     *
     * @param baselineBase    answers to the baseline question that count towards its share
     * @param followUpBase    the same for the follow-up question
     * @param change          percentage points from the baseline to the follow-up
     * @param significant     the same two-proportion test as the comparison period's
     */
    @Serdeable
    public record WaveChange(String baselineSurvey, String baselineQuestion, String baselineText,
                             Cell baselineBase, @Nullable Integer baselinePercent,
                             Cell followUpBase, @Nullable Integer followUpPercent,
                             @Nullable Integer change, @Nullable Boolean significant, String statement) {
    }

    @Serdeable
    public record Action(String said, String did, LocalDate doneOn) {
    }

    @Serdeable
    /**
     * @param responses responses to the surveys with questions mapped to the measure, by audience, channel, survey and agency
     */
    public record MeasureEvidence(String id, String kind, String text, List<QuestionEvidence> questions, MeasureCounts.Counts responses,
                                  Cell activities, List<Action> outcomes, List<String> otherEvidence, boolean gap) {
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

    public Report build(Framework f, LocalDate from, LocalDate to, @Nullable Period compare) {
        return build(f, from, to, compare, true);
    }

    /**
     * With a comparison period, closed questions also show the change and whether it is bigger than chance.
     *
     * @param withQuotes false for roles that may not read free text
     */
    public Report build(Framework f, LocalDate from, LocalDate to, @Nullable Period compare, boolean withQuotes) {
        Instant start = from.atStartOfDay(surveyConfig.zone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(surveyConfig.zone()).toInstant();
        Map<String, DayTallies.Tally> tallies = new HashMap<>();
        Map<String, List<ResponseFigures.Value>> before = new HashMap<>();
        Function<String, DayTallies.Tally> tally = id -> tallies.computeIfAbsent(id, k -> figures.tally(k, start, end));
        Function<String, List<ResponseFigures.Value>> inPeriod = id -> tally.apply(id).values();
        var activities = log.list(new ActivityFilter(from, to, null, null, null, null));
        Map<String, List<String>> other = new HashMap<>();
        sources.forEach(source -> source.evidence(from, to).forEach((measure, lines) ->
                other.computeIfAbsent(measure, k -> new ArrayList<>()).addAll(lines)));
        var areas = new ArrayList<AreaEvidence>();
        Map<String, java.util.Optional<FreeTextThemes.Themes>> themes = new HashMap<>();
        List<MeasureCounts.Row> responseRows = counts.read(start, end);
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
                                long n = tally.apply(s.id()).answered().getOrDefault(q.id(), 0L);
                                var now = evidence(s, q, n, inPeriod.apply(s.id()));
                                if (compare != null) {
                                    Instant cs = compare.from().atStartOfDay(surveyConfig.zone()).toInstant();
                                    Instant ce = compare.to().plusDays(1).atStartOfDay(surveyConfig.zone()).toInstant();
                                    now = compared(now, q, inPeriod.apply(s.id()), before.computeIfAbsent(s.id(), id -> figures.values(id, cs, ce)));
                                }
                                if (s.followUp() != null) {
                                    now = withWave(now, s, q, m.id(), inPeriod);
                                }
                                if (q.type().isFreeText() && n > 0) {
                                    var found = themes.computeIfAbsent(s.id() + "/" + q.id(), k -> freeText.of(s, q, from, to, withQuotes));
                                    if (found.isPresent()) {
                                        now = now.withThemes(found.get());
                                    }
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
                    var surveys = questions.stream().map(QuestionEvidence::surveyId).distinct().toList();
                    measures.add(new MeasureEvidence(m.id(), m.kind(), m.text(), questions, counts.of(responseRows, surveys),
                            suppression.count(tagged), outcomes, otherEvidence, gap));
                }
                areas.add(new AreaEvidence(area.id(), area.title(), measures, balance[0], balance[1], balance[2]));
            }
        }
        return new Report(f.id(), f.title(), from, to, areas, gaps);
    }

    private QuestionEvidence evidence(Survey s, Question q, long responses, List<ResponseFigures.Value> values) {
        Integer percent = null;
        String statement = null;
        Share share = Share.of(q, values);
        if (share != null && share.base() >= config.minimumPercentageBase()) {
            percent = share.percent();
            statement = percent + "% of " + share.base() + " " + s.audience().label().toLowerCase() + " answered positively: " + q.text();
        }
        return new QuestionEvidence(s.id(), q.id(), q.text(), share != null, suppression.count(responses), percent, statement, null, null, null, null, null);
    }

    private QuestionEvidence compared(QuestionEvidence e, Question q, List<ResponseFigures.Value> now, List<ResponseFigures.Value> before) {
        Share a = Share.of(q, now);
        Share b = Share.of(q, before);
        if (a == null || b == null || a.base() < config.minimumPercentageBase() || b.base() < config.minimumPercentageBase()) {
            return e;
        }
        return e.withChange(b.percent(), a.percent() - b.percent(), a.differsFrom(b));
    }

    /** For a follow-up question under a measure its baseline question also gives evidence for, the change between the waves. */
    private QuestionEvidence withWave(QuestionEvidence e, Survey s, Question q, String measureId,
                                      Function<String, List<ResponseFigures.Value>> values) {
        var baseline = catalog.find(s.followUp().baseline());
        var repeated = baseline.flatMap(b -> b.question(s.followUp().baselineQuestion(q.id())))
                .filter(b -> q.sharesPositiveMeaningWith(b) && b.measures().contains(measureId));
        if (repeated.isEmpty()) {
            return e;
        }
        return e.withWave(waves.between(baseline.get(), repeated.get(), q, values.apply(baseline.get().id()), values.apply(s.id())));
    }
}
