package org.heard.training;

import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.testing.MovableClock;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Courses, sessions and evaluations for training tests, each in a year of its own. */
final class TrainingTestData {
    static final String DAY = "training-on-the-day";
    static final String FOLLOW_UP = "training-3-month-impact";

    private TrainingTestData() {
    }

    /** A date far from any other test's, so due emails and periods never mix across tests or runs. */
    static LocalDate aSessionDate() {
        return LocalDate.of(ThreadLocalRandom.current().nextInt(2100, 9000), 3, 10);
    }

    static Course aCourse(Courses courses) {
        return courses.save(new CourseDraft("T-" + UUID.randomUUID(), "Recognising neglect",
                List.of("Spot the signs of neglect", "Know the local thresholds", "Make a good referral"),
                List.of("test-qaf/T1"), List.of("test-qaf/T1/quantitative-1", "test-qaf/T1/outcome-1"))).value();
    }

    static TrainingSession aSession(Courses courses, Course course, LocalDate on) {
        return courses.addSession(course.id(), new SessionDraft(on.toString(), "Sam Trainer", "Civic Centre", 30)).orElseThrow().value();
    }

    static Map<String, List<String>> dayAnswers(String agency, int knowledgeAfter, String doDifferently) {
        var a = new HashMap<String, List<String>>();
        a.put("agency", List.of(agency));
        a.put("overall", List.of("4"));
        a.put("outcome-1", List.of("5"));
        a.put("outcome-2", List.of("4"));
        a.put("outcome-3", List.of("3"));
        a.put("knowledge-before", List.of("2"));
        a.put("knowledge-after", List.of(String.valueOf(knowledgeAfter)));
        a.put("confidence", List.of("4"));
        a.put("do-differently", List.of(doDifferently));
        return a;
    }

    static Map<String, List<String>> followUpAnswers(String agency, boolean changed, int knowledgeNow, String example) {
        var a = new HashMap<String, List<String>>();
        a.put("agency", List.of(agency));
        a.put("knowledge-improved", List.of("yes"));
        a.put("knowledge-now", List.of(String.valueOf(knowledgeNow)));
        a.put("confidence-improved", List.of(changed ? "yes" : "no"));
        a.put("confidence-now", List.of("4"));
        a.put("practice-changed", List.of(changed ? "yes" : "no"));
        if (changed && example != null) {
            a.put("practice-example", List.of(example));
        }
        return a;
    }

    /** Answers the on-the-day evaluation through the session's link, on the session's day. */
    static long evaluate(ResponseService responses, MovableClock clock, TrainingSession session, Map<String, List<String>> answers,
                         String email) {
        clock.set(session.heldOn().atTime(15, 0).toInstant(ZoneOffset.UTC));
        SubmitOutcome out = responses.submit(new Submission(DAY, Channel.WEB, answers, null, null, "session:" + session.code(),
                email == null ? Map.of() : Map.of("email", email)));
        return ((SubmitOutcome.Stored) out).id();
    }

    static SubmitOutcome followUp(ResponseService responses, String code, Map<String, List<String>> answers) {
        return responses.submit(new Submission(FOLLOW_UP, Channel.WEB, answers, null, null, "follow-up:" + code, Map.of()));
    }

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@agency.test";
    }
}
