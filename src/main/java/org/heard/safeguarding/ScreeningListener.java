package org.heard.safeguarding;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.ResponseSubmitted;
import org.heard.response.StoredResponse;
import org.heard.response.TextAnswer;
import org.heard.survey.Question;
import org.heard.survey.SurveyCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Screens every new response's free text as soon as it has committed, in the same thread, so the
 * channel can signpost the young person in its very next message. The answer is already stored:
 * screening can fail without losing it, and anything missed (a crash) is screened at start-up.
 */
@Singleton
class ScreeningListener {
    private static final Logger LOG = LoggerFactory.getLogger(ScreeningListener.class);

    private final Screener screener;
    private final AlertStore store;
    private final AlertNotifier notifier;
    private final ResponseService responses;
    private final SurveyCatalog catalog;
    private final Clock clock;

    ScreeningListener(Screener screener, AlertStore store, AlertNotifier notifier, ResponseService responses,
                      SurveyCatalog catalog, Clock clock) {
        this.screener = screener;
        this.store = store;
        this.notifier = notifier;
        this.responses = responses;
        this.catalog = catalog;
        this.clock = clock;
    }

    @EventListener
    void onSubmitted(ResponseSubmitted event) {
        screen(event.responseId(), event.surveyId(), event.channel(), event.texts());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        List<Long> missed;
        int total = 0;
        while (!(missed = store.unscreened(500)).isEmpty()) {
            for (long id : missed) {
                responses.find(id).ifPresentOrElse(r -> screen(r.id(), r.surveyId(), r.channel(), texts(r)),
                        () -> store.markScreened(id, clock.instant()));
            }
            total += missed.size();
        }
        if (total > 0) {
            LOG.warn("Screened {} responses that were missed before the last shutdown", total);
        }
    }

    void screen(long responseId, String surveyId, Channel channel, List<TextAnswer> texts) {
        var categories = new LinkedHashSet<String>();
        var matches = new ArrayList<AlertStore.NewMatch>();
        for (TextAnswer t : texts) {
            ScreenResult result = screener.screen(t.text());
            if (result.flagged()) {
                categories.addAll(result.categories());
                result.matches().forEach(m -> matches.add(new AlertStore.NewMatch(t.questionId(), m.category(), m.indicator())));
            }
        }
        Instant now = clock.instant();
        if (!categories.isEmpty()) {
            store.insert("disclosure", responseId, surveyId, channel.id(), List.copyOf(categories), matches, now)
                    .ifPresent(alertId -> notifier.raised(alertId, List.copyOf(categories)));
        }
        store.markScreened(responseId, now);
    }

    private List<TextAnswer> texts(StoredResponse r) {
        var out = new ArrayList<TextAnswer>();
        var survey = catalog.find(r.surveyId());
        for (Map.Entry<String, List<String>> e : r.answers().entrySet()) {
            boolean freeText = survey.flatMap(s -> s.question(e.getKey())).map(Question::type).map(t -> t.isFreeText()).orElse(true);
            if (freeText && !e.getValue().isEmpty()) {
                out.add(new TextAnswer(e.getKey(), e.getValue().getFirst()));
            }
        }
        return out;
    }
}
