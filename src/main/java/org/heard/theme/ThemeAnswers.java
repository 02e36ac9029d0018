package org.heard.theme;

import jakarta.inject.Singleton;
import org.heard.safeguarding.Safeguarding;
import org.heard.search.FoundAnswer;
import org.heard.search.SearchRequest;
import org.heard.search.SearchService;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the answers themes work on through search, and which of them may be quoted. */
@Singleton
class ThemeAnswers {
    static final int REST = 20_000;

    private final SearchService search;
    private final Safeguarding safeguarding;
    private final ThemeConfiguration config;

    ThemeAnswers(SearchService search, Safeguarding safeguarding, ThemeConfiguration config) {
        this.search = search;
        this.safeguarding = safeguarding;
        this.config = config;
    }

    /**
     * The chosen answers (the newest, up to the limit), the rest of the corpus the reader may see, those
     * that may be quoted, and how many answers the filters matched in all.
     */
    record Chosen(List<FoundAnswer> set, List<FoundAnswer> rest, Set<FoundAnswer> quotable, long matching) {
    }

    /**
     * The rest is the newest answers outside the set, at most {@link #REST} of them: term frequencies
     * from a sample that size are as good as from the whole corpus, at a fraction of the reading.
     */
    Chosen chosenAndRest(SearchRequest r) {
        List<FoundAnswer> set = search.all(r, config.maxAnswers());
        long matching = set.size() >= config.maxAnswers() ? Math.max(set.size(), search.count(r)) : set.size();
        var keys = new HashSet<String>();
        set.forEach(a -> keys.add(a.responseId() + "/" + a.questionId()));
        SearchRequest everything = new SearchRequest(null, null, null, null, null, null, null, null, null, 1, 1, false, r.agencyScope());
        List<FoundAnswer> rest = search.all(everything, Math.min(config.maxAnswers(), set.size() + REST)).stream()
                .filter(a -> !keys.contains(a.responseId() + "/" + a.questionId())).limit(REST).toList();
        return new Chosen(set, rest, quotable(set), matching);
    }


    /** Answers that may be quoted: none flagged as a possible disclosure. */
    Set<FoundAnswer> quotable(List<FoundAnswer> answers) {
        Set<Long> flagged = safeguarding.flagged(answers.stream().map(FoundAnswer::responseId).distinct().toList());
        var out = new HashSet<FoundAnswer>();
        answers.stream().filter(a -> !flagged.contains(a.responseId())).forEach(out::add);
        return out;
    }
}
