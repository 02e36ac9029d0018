package org.heard.training;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.heard.platform.Mailer;
import org.heard.survey.SurveyConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends follow-up invitations and reminders when they fall due, and erases addresses when their
 * window closes. Each email is claimed in the database before sending, so with several instances
 * running each is sent by one; state survives restarts because it all lives in the database. A
 * failed send is retried with a doubling wait and every attempt is logged.
 *
 * <p>One gap cannot be closed: if an instance dies after the SMTP server accepted an email but before
 * the send was recorded, another instance sends it again once the claim lapses. The gap is the time
 * between those two steps, milliseconds, and a repeat is better than a silent loss.
 */
@Singleton
class FollowUpSender {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUpSender.class);

    private final Invitations invitations;
    private final Courses courses;
    private final Mailer mailer;
    private final TrainingConfiguration config;
    private final SurveyConfiguration surveys;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    FollowUpSender(Invitations invitations, Courses courses, Mailer mailer, TrainingConfiguration config,
                   SurveyConfiguration surveys, Clock clock) {
        this.invitations = invitations;
        this.courses = courses;
        this.mailer = mailer;
        this.config = config;
        this.surveys = surveys;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${heard.training.check-every:1m}", initialDelay = "${heard.training.check-every:1m}")
    void run() {
        try {
            invitations.eraseClosed(clock.instant());
            if (!mailer.configured()) {
                LOG.debug("No SMTP server is configured (HEARD_MAIL_HOST): training follow-ups wait until one is");
                return;
            }
            while (sendDue() > 0) {
                // Keep going while batches are full of work.
            }
        } catch (RuntimeException e) {
            LOG.error("Sending training follow-ups failed; the next run tries again", e);
        }
    }

    /**
     * Sends one batch of due invitations and reminders.
     *
     * @return how many emails this call dealt with (sent or failed), so a caller knows whether to go on
     */
    int sendDue() {
        int handled = 0;
        for (long id : invitations.due(clock.instant(), config.batchSize())) {
            if (!invitations.claim(id, owner, clock.instant())) {
                continue;
            }
            Optional<Invitation> found = invitations.find(id);
            if (found.isEmpty() || found.get().email() == null) {
                continue;
            }
            send(found.get());
            handled++;
        }
        return handled;
    }

    private void send(Invitation inv) {
        boolean reminder = inv.invitedAt() != null;
        try {
            TrainingSession session = courses.session(inv.sessionId()).orElseThrow();
            Course course = courses.course(session.courseId()).orElseThrow();
            String code = invitations.code(inv.pairToken());
            FollowUpEmail email = FollowUpEmail.of(inv, course, session, config.link("/training/follow-up/" + code),
                    config.link("/training/unsubscribe/" + code), reminder, surveys.zone());
            mailer.send(inv.email(), email.subject(), email.body());
        } catch (Exception e) {
            Instant now = clock.instant();
            Instant retry = now.plus(backoff(inv.attempts() + 1));
            LOG.warn("Training follow-up {} could not be sent (attempt {}); trying again at {}: {}", inv.id(), inv.attempts() + 1, retry, e.getMessage());
            invitations.failed(inv.id(), owner, reminder, now, e.getMessage(), retry);
            return;
        }
        invitations.sent(inv.id(), owner, reminder, clock.instant());
    }

    /** The wait after the n-th failure: the first wait, doubled each time, never more than the most. */
    Duration backoff(int failures) {
        Duration wait = config.retryAfter().multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(config.retryAtMost()) > 0 ? config.retryAtMost() : wait;
    }
}
