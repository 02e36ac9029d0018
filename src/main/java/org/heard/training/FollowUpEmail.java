package org.heard.training;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of the follow-up invitation and its reminder. */
record FollowUpEmail(String subject, String body) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static FollowUpEmail of(Invitation inv, Course course, TrainingSession session, String link, String unsubscribe,
                            boolean reminder, ZoneId zone) {
        String closes = DAY.format(inv.closesAt().atZone(zone));
        String subject = (reminder ? "Reminder: " : "") + "Has the " + course.title() + " training changed your practice?";
        String opening = reminder
                ? "A couple of weeks ago we asked how the " + course.title() + " training on " + DAY.format(session.heldOn())
                  + " has changed your practice. If you have a few minutes, we would still like to know."
                : "On " + DAY.format(session.heldOn()) + " you came to the " + course.title() + " training, and asked us to "
                  + "check in with you. We would like to know whether it has made a difference to your practice.";
        String body = opening + "\n\n"
                + "It takes about 3 minutes:\n" + link + "\n\n"
                + "This link is just for you and works once. Your answers are joined to your feedback from the day by a code, "
                + "not by your name or email address, and are reported for groups, never for a person.\n\n"
                + (reminder ? "This is the only reminder we will send. " : "We will send one reminder if we do not hear from you. ")
                + "We will delete your email address by " + closes + ".\n\n"
                + "To stop these emails and delete your address now:\n" + unsubscribe + "\n";
        return new FollowUpEmail(subject, body);
    }
}
