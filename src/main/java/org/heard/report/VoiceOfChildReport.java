package org.heard.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.consultation.Activity;
import org.heard.consultation.ActivityFilter;
import org.heard.consultation.ConsultationLog;
import org.heard.consultation.YouSaidWeDid;
import org.heard.response.Channel;
import org.heard.safeguarding.Safeguarding;
import org.heard.search.SearchRequest;
import org.heard.survey.Audience;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.theme.CodedAnswers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The voice of the child for a period: how many children and young people were heard, through
 * which channels and surveys, what they said (quotes, only from groups large enough and never an
 * answer flagged as a possible disclosure), what changed because of it, and the last period to
 * compare.
 */
@Singleton
public class VoiceOfChildReport {
    private final SurveyCatalog catalog;
    private final ResponseFigures figures;
    private final Suppression suppression;
    private final ReportConfiguration config;
    private final Safeguarding safeguarding;
    private final ConsultationLog log;
    private final YouSaidWeDid actions;
    private final org.heard.survey.SurveyConfiguration surveyConfig;
    private final CodedAnswers coded;

    VoiceOfChildReport(org.heard.survey.SurveyConfiguration surveyConfig, SurveyCatalog catalog, ResponseFigures figures, Suppression suppression, ReportConfiguration config,
                       Safeguarding safeguarding, ConsultationLog log, YouSaidWeDid actions, CodedAnswers coded) {
        this.coded = coded;
        this.surveyConfig = surveyConfig;
        this.catalog = catalog;
        this.figures = figures;
        this.suppression = suppression;
        this.config = config;
        this.safeguarding = safeguarding;
        this.log = log;
        this.actions = actions;
    }

    @Serdeable
    public record SurveyRow(String surveyId, String title, List<Cell> byChannel, Cell total) {
    }

    @Serdeable
    public record Quote(String surveyId, String question, String text) {
    }

    @Serdeable
    public record ActionRow(String said, String did, LocalDate doneOn, boolean published) {
    }

    /** A theme children raised in the period, against the last period, with quotes when enough raised it. */
    @Serdeable
    public record ThemeLine(String theme, Cell answers, Cell previousAnswers, List<String> quotes) {
    }

    @Serdeable
    public record Report(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, List<String> channels,
                         List<SurveyRow> surveys, List<Cell> channelTotals, Cell responses, Cell previousResponses,
                         Cell activities, Cell previousActivities, Cell participants, List<Quote> quotes, List<ActionRow> actions,
                         @Nullable String codebook, List<ThemeLine> themes) {
    }

    /**
     * @param withQuotes false for roles that may not read free text
     */
    public Report build(LocalDate from, LocalDate to, boolean withQuotes) {
        return build(from, to, null, withQuotes);
    }

    /**
     * @param compare    the period to compare with; by default the period of the same length just before
     * @param withQuotes false for roles that may not read free text
     */
    public Report build(LocalDate from, LocalDate to, @Nullable Period compare, boolean withQuotes) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousTo = compare != null ? compare.to() : from.minusDays(1);
        LocalDate previousFrom = compare != null ? compare.from() : previousTo.minusDays(days - 1);
        List<Survey> young = catalog.all().stream().filter(s -> s.audience() == Audience.CHILDREN_YOUNG_PEOPLE).toList();
        List<String> ids = young.stream().map(Survey::id).toList();
        ZoneId zone = surveyConfig.zone();
        var counts = figures.counts(ids, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        long previous = figures.counts(ids, previousFrom.atStartOfDay(zone).toInstant(), previousTo.plusDays(1).atStartOfDay(zone).toInstant())
                .stream().mapToLong(ResponseFigures.Count::responses).sum();
        List<String> channels = Arrays.stream(Channel.values()).map(Channel::id).toList();
        long[][] table = new long[young.size()][channels.size()];
        for (var c : counts) {
            table[ids.indexOf(c.surveyId())][channels.indexOf(c.channel())] += c.responses();
        }
        SuppressedTable t = suppression.table(table);
        var rows = new ArrayList<SurveyRow>();
        for (int r = 0; r < young.size(); r++) {
            var cells = new ArrayList<Cell>();
            for (int c = 0; c < channels.size(); c++) {
                cells.add(t.cell(r, c));
            }
            rows.add(new SurveyRow(young.get(r).id(), young.get(r).title(), cells, t.rowTotal(r)));
        }
        var channelTotals = new ArrayList<Cell>();
        for (int c = 0; c < channels.size(); c++) {
            channelTotals.add(t.columnTotal(c));
        }
        List<Activity> now = log.list(new ActivityFilter(from, to, null, null, null, null)).stream().filter(Activity::engagesChildren).toList();
        long before = log.list(new ActivityFilter(previousFrom, previousTo, null, null, null, null)).stream().filter(Activity::engagesChildren).count();
        List<ActionRow> done = actions.all().stream().filter(a -> a.status().equals("done") && a.doneOn() != null
                        && !a.doneOn().isBefore(from) && !a.doneOn().isAfter(to))
                .map(a -> new ActionRow(a.said(), a.did(), a.doneOn(), a.published())).toList();
        return new Report(from, to, previousFrom, previousTo, channels, rows, channelTotals, t.grandTotal(), suppression.count(previous),
                suppression.count(now.size()), suppression.count(before), suppression.count(now.stream().mapToLong(Activity::participants).sum()),
                withQuotes ? quotes(young, table, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()) : List.of(),
                done, coded.exists(config.voiceCodebook()) ? config.voiceCodebook() : null,
                themes(from, to, previousFrom, previousTo, withQuotes));
    }

    /** The codebook's themes in children's answers, most raised first, with the last period's counts. */
    private List<ThemeLine> themes(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, boolean withQuotes) {
        Optional<CodedAnswers.CodedSet> now = coded.of(config.voiceCodebook(), children(from, to));
        if (now.isEmpty()) {
            return List.of();
        }
        CodedAnswers.CodedSet before = coded.of(config.voiceCodebook(), children(previousFrom, previousTo)).orElseThrow();
        var lines = new ArrayList<ThemeLine>();
        var counts = new java.util.HashMap<String, Long>();
        for (var theme : now.get().codebook().themes()) {
            List<CodedAnswers.Coded> with = now.get().answers().stream().filter(a -> a.themes().contains(theme.name())).toList();
            long previous = before.answers().stream().filter(a -> a.themes().contains(theme.name())).count();
            if (with.isEmpty() && previous == 0) {
                continue;
            }
            List<String> quotes = !withQuotes || with.size() < config.minimumQuoteGroup() ? List.of()
                    : with.stream().filter(CodedAnswers.Coded::quotable).limit(2).map(a -> a.answer().text()).toList();
            counts.put(theme.name(), (long) with.size());
            lines.add(new ThemeLine(theme.name(), suppression.count(with.size()), suppression.count(previous), quotes));
        }
        lines.sort(java.util.Comparator.comparingLong((ThemeLine l) -> -counts.get(l.theme())));
        return lines;
    }

    private SearchRequest children(LocalDate from, LocalDate to) {
        return new SearchRequest(null, Audience.CHILDREN_YOUNG_PEOPLE.id(), null, null, null, null, null, from, to, 1, 1, false, null);
    }

    private List<Quote> quotes(List<Survey> young, long[][] table, java.time.Instant from, java.time.Instant to) {
        var out = new ArrayList<Quote>();
        for (int r = 0; r < young.size(); r++) {
            long respondents = Arrays.stream(table[r]).sum();
            if (respondents < config.minimumQuoteGroup()) {
                continue;
            }
            Survey s = young.get(r);
            Map<String, String> questions = new LinkedHashMap<>();
            s.questions().stream().filter(q -> q.type().isFreeText()).forEach(q -> questions.put(q.id(), q.text()));
            for (var text : figures.texts(s.id(), questions.keySet(), from, to, 50)) {
                if (out.size() >= 5) {
                    return out;
                }
                if (!safeguarding.isFlagged(text.responseId())) {
                    out.add(new Quote(s.id(), questions.get(text.questionId()), text.text()));
                }
            }
        }
        return out;
    }


}
