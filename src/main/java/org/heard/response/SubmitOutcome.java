package org.heard.response;

import java.util.Map;

/** What happened to a submission. */
public sealed interface SubmitOutcome {

    /** Stored (or stored before, when {@code duplicate}); safe to acknowledge. */
    record Stored(long id, String receipt, boolean duplicate) implements SubmitOutcome {
    }

    /** Nothing was stored; each entry says what to fix for that question id. */
    record Invalid(Map<String, String> errors) implements SubmitOutcome {
    }

    record UnknownSurvey(String surveyId) implements SubmitOutcome {
    }

    record Closed(String surveyId) implements SubmitOutcome {
    }

    /** The link the answers came through cannot take them (used already, expired); nothing was stored. */
    record Refused(String message) implements SubmitOutcome {
    }
}
