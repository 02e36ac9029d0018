package org.heard.report;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.search.SearchRequest;
import org.heard.survey.Audience;
import org.heard.survey.Question;
import org.heard.survey.Survey;
import org.heard.theme.CodedAnswers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The top themes in one free-text question's answers in a period, for the framework report: from the
 * practitioner-feedback codebook for staff and training surveys, the voice-of-the-child codebook for
 * the rest. It reads the newest answers only, so a report over a million responses stays quick; the
 * base says how many it read.
 */
@Singleton
class FreeTextThemes {
    static final int READ_AT_MOST = 2000;
    private static final int TOP = 5;
    private static final int QUOTES = 2;

    private final CodedAnswers coded;
    private final Suppression suppression;
    private final ReportConfiguration config;

    FreeTextThemes(CodedAnswers coded, Suppression suppression, ReportConfiguration config) {
        this.coded = coded;
        this.suppression = suppression;
        this.config = config;
    }

    /** A theme in the answers: how many raised it, and quotes when enough did (never a possible disclosure). */
    @Serdeable
    record ThemeEvidence(String theme, Cell answers, List<String> quotes) {
    }

    /** The themes of a question's answers, and how many answers they were read from. */
    @Serdeable
    record Themes(String codebook, Cell answersRead, List<ThemeEvidence> top) {
        /** "Waiting for help (12), Online safety (c)" for the page. */
        public String summary() {
            return String.join(", ", top.stream().map(t -> t.theme() + " (" + t.answers().text() + ")").toList());
        }
    }

    Optional<Themes> of(Survey s, Question q, LocalDate from, LocalDate to, boolean withQuotes) {
        String codebook = s.audience() == Audience.STAFF || s.audience() == Audience.TRAINING_ATTENDEES
                ? config.staffCodebook() : config.voiceCodebook();
        var filters = new SearchRequest(null, null, s.id(), q.id(), null, null, null, from, to, 1, 1, false, null);
        return coded.of(codebook, filters, READ_AT_MOST).map(set -> {
            var top = new ArrayList<ThemeEvidence>();
            var counts = new java.util.HashMap<String, Long>();
            for (var theme : set.codebook().themes()) {
                List<CodedAnswers.Coded> with = set.answers().stream().filter(a -> a.themes().contains(theme.name())).toList();
                if (with.isEmpty()) {
                    continue;
                }
                List<String> quotes = !withQuotes || with.size() < config.minimumQuoteGroup() ? List.of()
                        : with.stream().filter(CodedAnswers.Coded::quotable).limit(QUOTES).map(a -> a.answer().text()).toList();
                counts.put(theme.name(), (long) with.size());
                top.add(new ThemeEvidence(theme.name(), suppression.count(with.size()), quotes));
            }
            top.sort(Comparator.comparingLong((ThemeEvidence t) -> -counts.get(t.theme())));
            return new Themes(codebook, suppression.count(set.answers().size()), List.copyOf(top.subList(0, Math.min(TOP, top.size()))));
        });
    }
}
