package org.heard.theme;

import jakarta.inject.Singleton;
import org.heard.search.FoundAnswer;
import org.heard.search.SearchRequest;
import org.heard.search.SearchService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The answers a set of filters chooses, each with its themes in a codebook: those applied by hand,
 * and those its theme queries tag (unless someone rejected them). Suggestions from the model are not
 * counted until a person confirms them. This is what theme reports count.
 */
@Singleton
public class CodedAnswers {
    private final Codebooks codebooks;
    private final Codes codes;
    private final SearchService search;
    private final ThemeAnswers answers;
    private final ThemeConfiguration config;

    CodedAnswers(Codebooks codebooks, Codes codes, SearchService search, ThemeAnswers answers, ThemeConfiguration config) {
        this.codebooks = codebooks;
        this.codes = codes;
        this.search = search;
        this.answers = answers;
        this.config = config;
    }

    /** An answer with its themes; {@code quotable} is false for answers flagged as a possible disclosure. */
    public record Coded(FoundAnswer answer, Set<String> themes, boolean quotable) {
    }

    /**
     * The codebook (its themes in order) and every chosen answer with its themes; {@code matching}
     * counts every answer the filters match, more than were read when the limit left some out.
     */
    public record CodedSet(Codebook codebook, List<Coded> answers, long matching) {
        public boolean partial() {
            return matching > answers.size();
        }
    }

    public boolean exists(String codebook) {
        return codebooks.find(codebook).isPresent();
    }

    /** Every answer the filters match, up to the most read at once; past that, the newest, and {@code matching} says how many match. */
    public Optional<CodedSet> of(String codebook, SearchRequest filters) {
        return read(codebook, filters, config.maxAnswers(), true);
    }

    /**
     * The newest {@code limit} answers only: for reports that need the shape of what was said, fast. They
     * say how many answers they read; {@code matching} is not counted here and equals that number.
     */
    public Optional<CodedSet> of(String codebook, SearchRequest filters, int limit) {
        return read(codebook, filters, limit, false);
    }

    private Optional<CodedSet> read(String codebook, SearchRequest filters, int limit, boolean countAll) {
        Optional<Codebooks.Stored> cb = codebooks.find(codebook);
        if (cb.isEmpty()) {
            return Optional.empty();
        }
        var queries = new LinkedHashMap<String, String>();
        cb.get().codebook().themes().stream().filter(t -> t.query() != null && !t.query().isBlank())
                .forEach(t -> queries.put(t.name(), t.query()));
        // A theme query that cannot be read tags nothing; saving the codebook reports it.
        int most = Math.min(limit, config.maxAnswers());
        SearchService.Tagged read = search.allTagged(filters, most, queries);
        List<FoundAnswer> found = read.answers();
        Map<AnswerKey, Map<String, String>> verdicts = codes.verdicts(cb.get().id(), found.stream().map(FoundAnswer::responseId).distinct().toList());
        Set<FoundAnswer> quotable = answers.quotable(found);
        var out = new ArrayList<Coded>(found.size());
        for (int i = 0; i < found.size(); i++) {
            FoundAnswer a = found.get(i);
            Set<String> byQueries = read.tags().get(i);
            var key = new AnswerKey(a.responseId(), a.questionId());
            Map<String, String> v = verdicts.getOrDefault(key, Map.of());
            var themes = new LinkedHashSet<String>();
            // Keep the codebook's order of themes so reports read the same way every time.
            for (Codebook.Theme t : cb.get().codebook().themes()) {
                String verdict = v.get(t.name());
                boolean byQuery = byQueries.contains(t.name());
                if (Codes.APPLIED.equals(verdict) || (byQuery && !Codes.REJECTED.equals(verdict))) {
                    themes.add(t.name());
                }
            }
            out.add(new Coded(a, themes, quotable.contains(a)));
        }
        // Counted only when the limit may have left answers out; a count can run a moment after the read, hence the max.
        long matching = countAll && found.size() >= most ? Math.max(found.size(), search.count(filters)) : found.size();
        return Optional.of(new CodedSet(cb.get().codebook(), out, matching));
    }
}
