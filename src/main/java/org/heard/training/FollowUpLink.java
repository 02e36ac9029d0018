package org.heard.training;

import org.heard.platform.Sql;
import jakarta.inject.Singleton;
import org.heard.response.ResponseLink;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A personal follow-up link ({@code follow-up:<code>}). It works once: the response that uses it
 * marks it used in the same transaction, so a second response through it is refused and nothing of
 * it is stored. The three-month response is joined to the on-the-day one by the pair token alone.
 */
@Singleton
class FollowUpLink implements ResponseLink {
    static final String KIND = "follow-up";
    static final String USED = "You have already answered. Thank you! This link only works once.";

    private final Invitations invitations;
    private final Courses courses;
    private final Sql sql;
    private final TrainingConfiguration config;
    private final Clock clock;

    FollowUpLink(Invitations invitations, Courses courses, Sql sql, TrainingConfiguration config, Clock clock) {
        this.invitations = invitations;
        this.courses = courses;
        this.sql = sql;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<String> problem(String code, String surveyId) {
        Optional<Invitation> found = invitations.byCode(code);
        if (found.isEmpty()) {
            return Optional.of("We cannot find this link. Check it was copied in full from the email.");
        }
        Invitation inv = found.get();
        if (!surveyId.equals(config.followUpSurvey())) {
            return Optional.of("This link is for the follow-up questions about your training.");
        }
        if (inv.respondedAt() != null) {
            return Optional.of(USED);
        }
        if (inv.unsubscribedAt() != null) {
            return Optional.of("You asked us not to email you about this training, so this link no longer works.");
        }
        if (!clock.instant().isBefore(inv.closesAt())) {
            return Optional.of("The follow-up for this training has closed. Thank you for wanting to tell us.");
        }
        return Optional.empty();
    }

    @Override
    public List<String> describe(String code) {
        return invitations.byCode(code).flatMap(inv -> courses.session(inv.sessionId()))
                .flatMap(s -> courses.course(s.courseId()).map(c -> List.of("About the " + c.title() + " training on "
                        + SessionLink.DAY.format(s.heldOn()) + ".")))
                .orElse(List.of());
    }

    @Override
    public void attach(String code, String surveyId, long responseId, Map<String, String> values) {
        Invitation inv = invitations.byCode(code).orElseThrow(() -> new Refused("We cannot find this link."));
        if (!invitations.respond(code, clock.instant())) {
            throw new Refused(USED);
        }
        sql.update("INSERT INTO training_evaluation (response_id, session_id, stage, pair_token) VALUES (?, ?, ?, ?)",
                responseId, inv.sessionId(), Stage.FOLLOW_UP.id(), inv.pairToken());
    }
}
