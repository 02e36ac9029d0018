package org.heard.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.search.SearchRequest;
import org.heard.theme.CodedAnswers;
import org.heard.survey.Question;
import org.heard.survey.QuestionType;
import org.heard.survey.Survey;
import org.heard.survey.SurveyCatalog;
import org.heard.survey.SurveyConfiguration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Staff experience from the Section 11 staff survey: for each agree/disagree question, each
 * agency's share answering positively against the partnership as a whole and against the previous
 * round. An agency lead sees their own agency against the partnership only.
 */
@Singleton
public class StaffExperienceReport {
    private final SurveyCatalog catalog;
    private final ResponseFigures figures;
    private final Suppression suppression;
    private final ReportConfiguration config;
    private final SurveyConfiguration surveyConfig;
    private final CodedAnswers coded;

    StaffExperienceReport(SurveyCatalog catalog, ResponseFigures figures, Suppression suppression, ReportConfiguration config,
                          SurveyConfiguration surveyConfig, CodedAnswers coded) {
        this.coded = coded;
        this.catalog = catalog;
        this.figures = figures;
        this.suppression = suppression;
        this.config = config;
        this.surveyConfig = surveyConfig;
    }

    /** A share answering positively: null when its base is too small to give a percentage. */
    @Serdeable
    public record Share(@Nullable Integer percent, Cell base) {
    }

    @Serdeable
    public record AgencyRow(String agency, String name, Share now, Share previous) {
    }

    @Serdeable
    public record QuestionRow(String questionId, String text, Share partnership, Share partnershipPrevious, List<AgencyRow> agencies) {
    }

    /** A theme in practitioners' free text: the partnership now and before, and the agency lead's own agency (else null). */
    @Serdeable
    public record ThemeLine(String theme, Cell partnership, Cell partnershipPrevious, @Nullable Cell agency) {
    }

    @Serdeable
    /** {@code surveyFound} is false when the configured staff survey is not in the surveys folder: the report then says so. */
    public record Report(String surveyId, LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, Cell responses,
                         List<QuestionRow> questions, List<ThemeLine> themes, boolean surveyFound) {
    }

    /**
     * @param onlyAgency for an agency lead: their agency is the only one shown
     */
    public Report build(LocalDate from, LocalDate to, @Nullable String onlyAgency) {
        return build(from, to, onlyAgency, null);
    }

    /**
     * @param onlyAgency for an agency lead: their agency is the only one shown
     * @param compare    the previous round; by default the period of the same length just before
     */
    public Report build(LocalDate from, LocalDate to, @Nullable String onlyAgency, @Nullable Period compare) {
        String surveyId = config.staffSurvey();
        Survey survey = catalog.find(surveyId).orElse(null);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousTo = compare != null ? compare.to() : from.minusDays(1);
        LocalDate previousFrom = compare != null ? compare.from() : previousTo.minusDays(days - 1);
        if (survey == null) {
            return new Report(surveyId, from, to, previousFrom, previousTo, Cell.shown(0), List.of(),
                    themes(from, to, previousFrom, previousTo, onlyAgency), false);
        }
        var now = tallies(survey, instant(from), instant(to.plusDays(1)));
        var before = tallies(survey, instant(previousFrom), instant(previousTo.plusDays(1)));
        var rows = new ArrayList<QuestionRow>();
        for (Question q : survey.questions()) {
            if (q.type() != QuestionType.SCALE && q.type() != QuestionType.YES_NO) {
                continue;
            }
            var agencies = new ArrayList<AgencyRow>();
            for (var agency : catalog.agencies().all()) {
                if (onlyAgency != null && !onlyAgency.equals(agency.value())) {
                    continue;
                }
                agencies.add(new AgencyRow(agency.value(), agency.label(), share(now, q.id(), agency.value()), share(before, q.id(), agency.value())));
            }
            rows.add(new QuestionRow(q.id(), q.text(), share(now, q.id(), null), share(before, q.id(), null), agencies));
        }
        long responses = now.getOrDefault("#responses", new long[2])[0];
        return new Report(surveyId, from, to, previousFrom, previousTo, suppression.count(responses), rows,
                themes(from, to, previousFrom, previousTo, onlyAgency), true);
    }

    /** Themes of the practitioner-feedback codebook in every staff survey's free text, most raised first. */
    private List<ThemeLine> themes(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, @Nullable String onlyAgency) {
        var now = coded.of(config.staffCodebook(), staff(from, to));
        if (now.isEmpty()) {
            return List.of();
        }
        var before = coded.of(config.staffCodebook(), staff(previousFrom, previousTo)).orElseThrow();
        var lines = new ArrayList<ThemeLine>();
        var order = new HashMap<String, Long>();
        for (var theme : now.get().codebook().themes()) {
            long n = now.get().answers().stream().filter(a -> a.themes().contains(theme.name())).count();
            long previous = before.answers().stream().filter(a -> a.themes().contains(theme.name())).count();
            if (n == 0 && previous == 0) {
                continue;
            }
            Cell agency = onlyAgency == null ? null : suppression.count(now.get().answers().stream()
                    .filter(a -> a.themes().contains(theme.name()) && onlyAgency.equals(a.answer().agency())).count());
            order.put(theme.name(), n);
            lines.add(new ThemeLine(theme.name(), suppression.count(n), suppression.count(previous), agency));
        }
        lines.sort(java.util.Comparator.comparingLong((ThemeLine l) -> -order.get(l.theme())));
        return lines;
    }

    private static SearchRequest staff(LocalDate from, LocalDate to) {
        return new SearchRequest(null, org.heard.survey.Audience.STAFF.id(), null, null, null, null, null, from, to, 1, 1, false, null);
    }

    private Instant instant(LocalDate d) {
        return d.atStartOfDay(surveyConfig.zone()).toInstant();
    }

    private Share share(Map<String, long[]> tallies, String questionId, @Nullable String agency) {
        long[] t = tallies.getOrDefault(questionId + "|" + (agency == null ? "*" : agency), new long[2]);
        Integer percent = t[1] >= config.minimumPercentageBase() ? (int) Math.round(100.0 * t[0] / t[1]) : null;
        return new Share(percent, suppression.count(t[1]));
    }

    /** Positive and total answers per question and agency ("*" for the partnership), from one pass over the answers. */
    private Map<String, long[]> tallies(Survey survey, Instant from, Instant to) {
        var out = new HashMap<String, long[]>();
        String agencyQuestion = survey.agencyQuestion().map(Question::id).orElse(null);
        for (var row : figures.agencyValues(survey.id(), from, to)) {
            Question q = survey.question(row.questionId()).orElse(null);
            if (q == null || (q.type() != QuestionType.SCALE && q.type() != QuestionType.YES_NO)) {
                if (q != null && q.id().equals(agencyQuestion)) {
                    out.computeIfAbsent("#responses", k -> new long[2])[0] += row.answers();
                }
                continue;
            }
            boolean counted;
            boolean positive;
            if (q.type() == QuestionType.YES_NO) {
                counted = row.choice() != null && !row.choice().equals(Question.PREFER_NOT_TO_SAY);
                positive = "yes".equals(row.choice());
            } else {
                counted = row.number() != null;
                positive = counted && row.number() >= q.scale().max() - 1;
            }
            if (!counted) {
                continue;
            }
            for (String key : new String[] {q.id() + "|*", q.id() + "|" + (row.agency() == null ? "none" : row.agency())}) {
                long[] t = out.computeIfAbsent(key, k -> new long[2]);
                t[0] += positive ? row.answers() : 0;
                t[1] += row.answers();
            }
        }
        return out;
    }
}
