package org.heard.safeguarding;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.heard.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Emails the safeguarding leads when an alert is raised or escalated. The email names the alert and
 * its categories, never the child's words: those stay behind the staff sign-in. A notification that
 * cannot be sent raises an alert of its own, so a failure is never silent.
 */
@Singleton
class AlertNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);

    private final Mailer mailer;
    private final SafeguardingConfiguration config;
    private final AlertStore store;
    private final Clock clock;
    private final ExecutorService executor;

    AlertNotifier(Mailer mailer, SafeguardingConfiguration config, AlertStore store, Clock clock,
                  @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.mailer = mailer;
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.executor = executor;
    }

    /** Sends in the background: raising the alert (and answering the child) must not wait for SMTP. */
    void raised(long alertId, List<String> categories) {
        executor.submit(() -> send(alertId, config.leadsEmail(), "Heard: possible safeguarding disclosure (alert " + alertId + ")",
                "A free-text answer may be a safeguarding disclosure.\n\nAlert: " + alertId + "\nCategories: "
                        + String.join(", ", categories) + "\n\nOpen the safeguarding queue in Heard to read it and act: /staff/safeguarding/"
                        + alertId + "\n", "notified"));
    }

    /** Sends now (the escalation job already runs in the background). */
    void escalated(long alertId) {
        String to = config.escalationEmail() == null || config.escalationEmail().isBlank() ? config.leadsEmail() : config.escalationEmail();
        send(alertId, to, "Heard: safeguarding alert " + alertId + " has not been acknowledged",
                "Safeguarding alert " + alertId + " was raised more than " + config.escalateAfter().toMinutes()
                        + " minutes ago and nobody has acknowledged it yet.\n\nOpen it in Heard: /staff/safeguarding/" + alertId + "\n",
                "escalation-notified");
    }

    private void send(long alertId, String to, String subject, String body, String action) {
        if (to == null || to.isBlank()) {
            LOG.warn("Safeguarding alert {}: no leads' email is configured (HEARD_SAFEGUARDING_LEADS_EMAIL); it is in the queue", alertId);
            return;
        }
        try {
            mailer.send(to, subject, body);
            store.event(alertId, action, "heard", clock.instant(), null);
            if (action.equals("notified")) {
                store.update(alertId, "UPDATE safeguarding_alert SET notified_at = ?", clock.instant());
            }
        } catch (Exception e) {
            LOG.error("Could not email the safeguarding leads about alert {}: {}", alertId, e.getMessage());
            store.event(alertId, "notification-failed", "heard", clock.instant(), e.getMessage());
            store.insert("notification_failure", null, null, null, List.of("notification_failure"), List.of(), clock.instant())
                    .ifPresent(id -> store.event(id, "note", "heard", clock.instant(),
                            "The email about alert " + alertId + " could not be sent: " + e.getMessage()));
        }
    }
}
