package org.heard.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.search.FoundAnswer;
import org.heard.survey.SurveyConfiguration;
import org.heard.theme.CodedAnswers;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A codebook's themes over a set of answers: how many answers raised each theme, by audience,
 * survey, agency and month (the trend); which themes come up together; and which recur across
 * different sources (children, parents, staff, training, community) in the same quarter, the
 * repeated findings the frameworks ask for. Every count is suppressed like every other report.
 */
@Singleton
class ThemeReport {
    static final Map<String, String> SOURCES = Map.of("children_young_people", "children", "parents_carers", "parents",
            "staff", "staff", "training_attendees", "training", "community", "community");

    private final Suppression suppression;
    private final ReportConfiguration config;
    private final ZoneId zone;

    ThemeReport(Suppression suppression, ReportConfiguration config, SurveyConfiguration surveys) {
        this.suppression = suppression;
        this.config = config;
        this.zone = surveys.zone();
    }

    /**
     * A theme report. {@code answers} counts the answers read; when more match than a report reads at once
     * ({@code heard.themes.max-answers}) it reads the newest, {@code partial} is true and {@code matching}
     * counts them all, so nobody takes the counts for the whole period.
     */
    @Serdeable
    record Report(String codebook, String title, Cell answers, Cell coded, boolean partial, Cell matching, List<String> audiences, List<String> surveys,
                  List<String> agencies, List<String> months, List<ThemeRow> themes, CoOccurrence cooccurrence,
                  List<Recurring> recurring) {
    }

    /**
     * One theme: its count (and share of all answers), then the same count split four ways, in the
     * order of the lists above, each with the share of that group's answers (null when withheld).
     */
    @Serdeable
    record ThemeRow(String theme, @Nullable String parent, Cell count, @Nullable Integer percent, List<Cell> byAudience,
                    List<Cell> bySurvey, List<Cell> byAgency, List<Cell> byMonth, List<Integer> percentByAudience,
                    List<Integer> percentBySurvey, List<Integer> percentByAgency, List<Integer> percentByMonth) {
    }

    /** Answers that raised both themes; the diagonal is each theme's own count. */
    @Serdeable
    record CoOccurrence(List<String> themes, List<List<Cell>> counts) {
    }

    /**
     * A theme raised by two or more sources in the same quarter, and which. The sources are named
     * without counts: a count per quarter beside the report's counts per audience over the period
     * could be subtracted to reveal a count this report hides.
     */
    @Serdeable
    record Recurring(String quarter, String theme, List<String> sources) {
        /** "children, staff" for the page. */
        public String sourcesText() {
            return String.join(", ", sources);
        }
    }

    Report build(CodedAnswers.CodedSet set) {
        List<CodedAnswers.Coded> answers = set.answers();
        List<String> themes = set.codebook().themes().stream().map(t -> t.name()).toList();
        List<String> audiences = distinct(answers, a -> a.audience());
        List<String> surveys = distinct(answers, a -> a.surveyId());
        List<String> agencies = distinct(answers, a -> a.agency() == null ? "none" : a.agency());
        List<String> months = distinct(answers, a -> month(a));
        var byAudience = table(answers, themes, audiences, a -> a.audience());
        var bySurvey = table(answers, themes, surveys, a -> a.surveyId());
        var byAgency = table(answers, themes, agencies, a -> a.agency() == null ? "none" : a.agency());
        var byMonth = table(answers, themes, months, this::month);
        long coded = answers.stream().filter(a -> !a.themes().isEmpty()).count();
        var rows = new ArrayList<ThemeRow>();
        for (int t = 0; t < themes.size(); t++) {
            String theme = themes.get(t);
            long n = answers.stream().filter(a -> a.themes().contains(theme)).count();
            Cell count = suppression.count(n);
            Integer percent = count.suppressed() || answers.size() < config.minimumPercentageBase() ? null
                    : (int) Math.round(100.0 * n / answers.size());
            rows.add(new ThemeRow(theme, set.codebook().theme(theme).map(x -> x.parent()).orElse(null), count, percent,
                    row(byAudience, t), row(bySurvey, t), row(byAgency, t), row(byMonth, t),
                    shares(row(byAudience, t), groupSizes(answers, audiences, a -> a.audience())),
                    shares(row(bySurvey, t), groupSizes(answers, surveys, a -> a.surveyId())),
                    shares(row(byAgency, t), groupSizes(answers, agencies, a -> a.agency() == null ? "none" : a.agency())),
                    shares(row(byMonth, t), groupSizes(answers, months, this::month))));
        }
        return new Report(set.codebook().name(), set.codebook().title(), suppression.count(answers.size()), suppression.count(coded),
                set.partial(), suppression.count(set.matching()), audiences, surveys, agencies, months, rows, cooccurrence(answers, themes), recurring(answers, themes));
    }

    private SuppressedTable table(List<CodedAnswers.Coded> answers, List<String> themes, List<String> columns,
                                  Function<FoundAnswer, String> column) {
        long[][] counts = new long[themes.size()][columns.size()];
        for (CodedAnswers.Coded a : answers) {
            int c = columns.indexOf(column.apply(a.answer()));
            for (int t = 0; t < themes.size(); t++) {
                if (a.themes().contains(themes.get(t))) {
                    counts[t][c]++;
                }
            }
        }
        return suppression.table(counts);
    }

    private static long[] groupSizes(List<CodedAnswers.Coded> answers, List<String> groups, Function<FoundAnswer, String> group) {
        long[] n = new long[groups.size()];
        answers.forEach(a -> n[groups.indexOf(group.apply(a.answer()))]++);
        return n;
    }

    /** Each cell as a share of its group's answers; withheld when the cell is hidden or the group is too small. */
    private List<Integer> shares(List<Cell> cells, long[] sizes) {
        var out = new ArrayList<Integer>();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            out.add(c.suppressed() || sizes[i] < config.minimumPercentageBase() ? null : (int) Math.round(100.0 * c.value() / sizes[i]));
        }
        return out;
    }

    private static List<Cell> row(SuppressedTable table, int r) {
        var out = new ArrayList<Cell>();
        for (int c = 0; c < table.cols(); c++) {
            out.add(table.cell(r, c));
        }
        return out;
    }

    private CoOccurrence cooccurrence(List<CodedAnswers.Coded> answers, List<String> themes) {
        long[][] both = new long[themes.size()][themes.size()];
        for (CodedAnswers.Coded a : answers) {
            for (int i = 0; i < themes.size(); i++) {
                if (!a.themes().contains(themes.get(i))) {
                    continue;
                }
                for (int j = 0; j < themes.size(); j++) {
                    if (a.themes().contains(themes.get(j))) {
                        both[i][j]++;
                    }
                }
            }
        }
        var rows = new ArrayList<List<Cell>>();
        for (long[] r : both) {
            var cells = new ArrayList<Cell>();
            for (long n : r) {
                cells.add(suppression.count(n));
            }
            rows.add(cells);
        }
        return new CoOccurrence(themes, rows);
    }

    private List<Recurring> recurring(List<CodedAnswers.Coded> answers, List<String> themes) {
        // quarter -> theme -> source -> count
        var counts = new java.util.TreeMap<String, Map<String, Map<String, Long>>>();
        for (CodedAnswers.Coded a : answers) {
            String source = SOURCES.getOrDefault(a.answer().audience(), a.answer().audience());
            for (String theme : a.themes()) {
                counts.computeIfAbsent(quarter(a.answer()), k -> new LinkedHashMap<>())
                        .computeIfAbsent(theme, k -> new java.util.TreeMap<>()).merge(source, 1L, Long::sum);
            }
        }
        var out = new ArrayList<Recurring>();
        counts.forEach((quarter, byTheme) -> themes.forEach(theme -> {
            Map<String, Long> sources = byTheme.get(theme);
            if (sources != null && sources.size() >= 2) {
                out.add(new Recurring(quarter, theme, List.copyOf(sources.keySet())));
            }
        }));
        return out;
    }

    private static List<String> distinct(List<CodedAnswers.Coded> answers, Function<FoundAnswer, String> f) {
        var set = new TreeSet<String>();
        answers.forEach(a -> set.add(f.apply(a.answer())));
        return List.copyOf(set);
    }

    private String month(FoundAnswer a) {
        return a.submittedAt().atZone(zone).toLocalDate().toString().substring(0, 7);
    }

    private String quarter(FoundAnswer a) {
        ZonedDateTime d = a.submittedAt().atZone(zone);
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    /** Quotes for one theme: only when at least the minimum group raised it, never a possible disclosure. */
    List<String> quotes(CodedAnswers.CodedSet set, String theme, int limit) {
        List<CodedAnswers.Coded> with = set.answers().stream().filter(a -> a.themes().contains(theme)).toList();
        if (with.size() < config.minimumQuoteGroup()) {
            return List.of();
        }
        return with.stream().filter(CodedAnswers.Coded::quotable).limit(limit).map(a -> a.answer().text()).toList();
    }

    boolean tooFewToQuote(CodedAnswers.CodedSet set, String theme) {
        return set.answers().stream().filter(a -> a.themes().contains(theme)).count() < config.minimumQuoteGroup();
    }
}
