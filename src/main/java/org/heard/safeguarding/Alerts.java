package org.heard.safeguarding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.heard.response.ResponseService;
import org.heard.response.StoredResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The safeguarding leads' workflow: read an alert (each read is recorded), acknowledge it, record
 * what was done and close it. Alerts nobody acknowledges in time are escalated.
 */
@Singleton
public class Alerts {
    private final AlertStore store;
    private final ResponseService responses;
    private final AlertNotifier notifier;
    private final SafeguardingConfiguration config;
    private final Clock clock;

    Alerts(AlertStore store, ResponseService responses, AlertNotifier notifier, SafeguardingConfiguration config, Clock clock) {
        this.store = store;
        this.responses = responses;
        this.notifier = notifier;
        this.config = config;
        this.clock = clock;
    }

    /** Alerts in a status ({@code open}, {@code acknowledged}, {@code closed}) or all, newest first, without their text. */
    public List<Alert> list(@Nullable String status) {
        return store.list(status, 500).stream().map(r -> toAlert(r, List.of(), List.of())).toList();
    }

    /** One alert with the flagged answers and its history; the read itself is recorded. */
    public Optional<Alert> open(long id, String username) {
        Optional<AlertStore.Row> row = store.find(id);
        row.ifPresent(r -> store.event(id, "viewed", username, clock.instant(), null));
        return row.map(r -> toAlert(r, answers(r), store.history(id)));
    }

    public boolean acknowledge(long id, String username) {
        boolean done = store.transition(id, "open", "UPDATE safeguarding_alert SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?",
                clock.instant(), username);
        if (done) {
            store.event(id, "acknowledged", username, clock.instant(), null);
        }
        return done;
    }

    /** Closes an acknowledged (or open) alert with what was done. */
    public boolean close(long id, String username, Outcome outcome, @Nullable String note) {
        String clean = note == null ? null : note.strip();
        boolean done = store.transition(id, "acknowledged", "UPDATE safeguarding_alert SET status = 'closed', closed_at = ?, closed_by = ?, outcome = ?, note = ?",
                clock.instant(), username, outcome.id(), clean);
        if (!done && acknowledge(id, username)) {
            done = store.transition(id, "acknowledged", "UPDATE safeguarding_alert SET status = 'closed', closed_at = ?, closed_by = ?, outcome = ?, note = ?",
                    clock.instant(), username, outcome.id(), clean);
        }
        if (done) {
            store.event(id, "closed", username, clock.instant(), outcome.id() + (clean == null || clean.isEmpty() ? "" : ": " + clean));
        }
        return done;
    }

    /** Escalates every alert left unacknowledged for longer than configured. */
    @Scheduled(fixedDelay = "${heard.safeguarding.check-every:1m}", initialDelay = "30s")
    public int escalateOverdue() {
        int n = 0;
        for (AlertStore.Row r : store.overdue(clock.instant().minus(config.escalateAfter()))) {
            store.update(r.id(), "UPDATE safeguarding_alert SET escalated_at = ?", clock.instant());
            store.event(r.id(), "escalated", "heard", clock.instant(), null);
            notifier.escalated(r.id());
            n++;
        }
        return n;
    }

    private List<Alert.FlaggedAnswer> answers(AlertStore.Row r) {
        if (r.responseId() == null) {
            return List.of();
        }
        Optional<StoredResponse> response = responses.find(r.responseId());
        var byQuestion = new java.util.LinkedHashMap<String, List<String>>();
        store.matches(r.id()).forEach(m -> byQuestion.computeIfAbsent(m.questionId(), k -> new ArrayList<>()).add(m.indicator()));
        var out = new ArrayList<Alert.FlaggedAnswer>();
        for (Map.Entry<String, List<String>> e : byQuestion.entrySet()) {
            String text = response.map(s -> s.answers().getOrDefault(e.getKey(), List.of()))
                    .filter(v -> !v.isEmpty()).map(List::getFirst)
                    .orElse("(The respondent has since deleted this answer.)");
            out.add(new Alert.FlaggedAnswer(e.getKey(), text, e.getValue()));
        }
        return out;
    }

    private static Alert toAlert(AlertStore.Row r, List<Alert.FlaggedAnswer> answers, List<Alert.Step> history) {
        return new Alert(r.id(), r.kind(), r.responseId(), r.surveyId(), r.channel(), r.categories(), r.status(), r.raisedAt(),
                r.acknowledgedAt(), r.acknowledgedBy(), r.closedAt(), r.closedBy(), r.outcome(), r.note(), r.escalatedAt(),
                answers, history);
    }
}
