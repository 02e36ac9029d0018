package org.heard.training;

import org.heard.platform.Sql;
import jakarta.inject.Singleton;
import org.heard.response.ResponseLink;
import org.heard.survey.SurveyConfiguration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A session's evaluation link ({@code session:<code>}): ties the on-the-day response to its session,
 * gives it a random pair token, and, when the person asks to be asked again, creates their
 * follow-up invitation. The address goes to the invitation alone, never into the answers.
 */
@Singleton
class SessionLink implements ResponseLink {
    static final String KIND = "session";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Courses courses;
    private final Invitations invitations;
    private final Sql sql;
    private final TrainingConfiguration config;
    private final SurveyConfiguration surveys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SessionLink(Courses courses, Invitations invitations, Sql sql, TrainingConfiguration config, SurveyConfiguration surveys, Clock clock) {
        this.courses = courses;
        this.invitations = invitations;
        this.sql = sql;
        this.config = config;
        this.surveys = surveys;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<String> problem(String code, String surveyId) {
        Optional<TrainingSession> session = courses.sessionByCode(code);
        if (session.isEmpty()) {
            return Optional.of("We cannot find this training session. Check the address or the code on the sheet in the room.");
        }
        if (!surveyId.equals(config.daySurvey())) {
            return Optional.of("This link is for the evaluation on the day of the training.");
        }
        LocalDate today = LocalDate.now(clock.withZone(surveys.zone()));
        LocalDate heldOn = session.get().heldOn();
        if (today.isBefore(heldOn)) {
            return Optional.of("The evaluation for this session opens on the day, " + DAY.format(heldOn) + ".");
        }
        if (today.isAfter(heldOn.plusDays(config.evaluationDays()))) {
            return Optional.of("The evaluation for this session closed on " + DAY.format(heldOn.plusDays(config.evaluationDays()))
                    + ". Thank you for wanting to give feedback.");
        }
        return Optional.empty();
    }

    @Override
    public List<String> describe(String code) {
        return courses.sessionByCode(code).flatMap(s -> courses.course(s.courseId()).map(c -> {
            var lines = new ArrayList<String>();
            lines.add(c.title() + ", " + DAY.format(s.heldOn()) + ", " + s.venue() + ".");
            for (int i = 0; i < c.outcomes().size(); i++) {
                lines.add(ordinal(i) + " learning outcome: " + c.outcomes().get(i));
            }
            return (List<String>) lines;
        })).orElse(List.of());
    }

    private static String ordinal(int i) {
        return switch (i) {
            case 0 -> "First";
            case 1 -> "Second";
            default -> "Third";
        };
    }

    @Override
    public List<Field> fields(String code) {
        return List.of(new Field("email", "Your email address, if you would like us to ask you again in "
                + config.followUpMonths() + " months",
                "We will email you once, with one reminder, to ask whether the training changed your practice. "
                        + "We keep your address apart from your answers, use it for nothing else, and delete it when the "
                        + "follow-up closes. Leave this blank if you do not want to be asked.", "email"));
    }

    @Override
    public Map<String, String> check(String code, Map<String, String> values) {
        String email = values.get("email");
        if (email != null && (email.length() > 320 || !TrainingRules.EMAIL.matcher(email).matches())) {
            return Map.of("email", "Enter an email address like name@example.org, or leave it blank");
        }
        return Map.of();
    }

    @Override
    public void attach(String code, String surveyId, long responseId, Map<String, String> values) {
        TrainingSession session = courses.sessionByCode(code)
                .orElseThrow(() -> new Refused("We cannot find this training session."));
        byte[] token = new byte[16];
        random.nextBytes(token);
        String pairToken = HexFormat.of().formatHex(token);
        sql.update("INSERT INTO training_evaluation (response_id, session_id, stage, pair_token) VALUES (?, ?, ?, ?)",
                responseId, session.id(), Stage.DAY.id(), pairToken);
        String email = values.get("email");
        if (email != null && !email.isBlank()) {
            invitations.create(pairToken, session, email.strip());
        }
    }
}
