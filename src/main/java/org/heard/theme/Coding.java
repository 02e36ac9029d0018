package org.heard.theme;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.heard.search.FoundAnswer;
import org.heard.search.SearchRequest;
import org.heard.search.SearchService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Coding answers by hand and the suggestions offered for the rest: what the API and pages call. */
@Singleton
class Coding {
    private final Codebooks codebooks;
    private final Codes codes;
    private final Suggestions suggestions;
    private final ThemeModels models;
    private final SearchService search;
    private final ThemeConfiguration config;

    Coding(Codebooks codebooks, Codes codes, Suggestions suggestions, ThemeModels models, SearchService search, ThemeConfiguration config) {
        this.codebooks = codebooks;
        this.codes = codes;
        this.suggestions = suggestions;
        this.models = models;
        this.search = search;
        this.config = config;
    }

    enum Verdict { APPLIED, REJECTED, REMOVED }

    /** What coding an answer came to: done, or which of the three things named does not exist. */
    enum Result { DONE, NO_CODEBOOK, NO_THEME, NO_ANSWER }

    Result code(String codebook, String theme, AnswerKey key, Verdict verdict, String by) {
        Optional<Codebooks.Stored> cb = codebooks.find(codebook);
        if (cb.isEmpty()) {
            return Result.NO_CODEBOOK;
        }
        Optional<Long> themeId = cb.get().themeId(theme);
        if (themeId.isEmpty()) {
            return Result.NO_THEME;
        }
        if (codes.text(key).isEmpty()) {
            return Result.NO_ANSWER;
        }
        switch (verdict) {
            case APPLIED -> codes.set(cb.get().id(), themeId.get(), key, Codes.APPLIED, by);
            case REJECTED -> codes.set(cb.get().id(), themeId.get(), key, Codes.REJECTED, by);
            case REMOVED -> codes.remove(cb.get().id(), themeId.get(), key);
        }
        codebooks.find(codebook).ifPresent(models::refreshLater);
        return Result.DONE;
    }

    /** An answer still to code, with what Heard suggests for it. */
    @Serdeable
    record ToCode(long responseId, String questionId, String surveyId, String audience, String text,
                  List<Suggestions.Suggestion> suggestions) {
    }

    /** Answers matching the filters that have no theme applied yet, with suggestions, newest first. */
    Optional<List<ToCode>> toCode(String codebook, SearchRequest filters, int limit) {
        Optional<Codebooks.Stored> cb = codebooks.find(codebook);
        if (cb.isEmpty()) {
            return Optional.empty();
        }
        // Read the newest answers a few pages at a time, not every answer, until enough are still to code.
        var uncoded = new ArrayList<FoundAnswer>();
        Map<AnswerKey, Map<String, String>> verdicts = Map.of();
        for (int read = Math.min(limit * 4, config.maxAnswers()); ; read = Math.min(read * 4, config.maxAnswers())) {
            List<FoundAnswer> found = search.all(filters, read);
            verdicts = codes.verdicts(cb.get().id(), found.stream().map(FoundAnswer::responseId).distinct().toList());
            uncoded.clear();
            for (FoundAnswer a : found) {
                Map<String, String> v = verdicts.getOrDefault(new AnswerKey(a.responseId(), a.questionId()), Map.of());
                if (uncoded.size() < limit && !v.containsValue(Codes.APPLIED)) {
                    uncoded.add(a);
                }
            }
            if (uncoded.size() >= limit || found.size() < read || read >= config.maxAnswers()) {
                break;
            }
        }
        var suggested = suggestions.suggest(cb.get(), uncoded.stream()
                .map(a -> new Suggestions.Text(new AnswerKey(a.responseId(), a.questionId()), a.text())).toList(), verdicts);
        return Optional.of(uncoded.stream().map(a -> new ToCode(a.responseId(), a.questionId(), a.surveyId(), a.audience(), a.text(),
                suggested.get(new AnswerKey(a.responseId(), a.questionId())))).toList());
    }
}
