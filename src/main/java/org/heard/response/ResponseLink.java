package org.heard.response;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A link a response can arrive through, such as a training session's evaluation link or a personal
 * three-month follow-up link. The feature that issues such links implements this. The response store
 * asks it before storing and lets it record the link inside the response's own transaction, so a
 * refused link stores nothing and an accepted one is never half-recorded.
 *
 * <p>A submission names its link as {@code kind:reference}, for example {@code session:K7Q2M9XA}.
 */
public interface ResponseLink {

    /** The part before the colon that this link handles. */
    String kind();

    /** Why this link cannot take an answer to this survey now, in words for the person; empty when it can. */
    Optional<String> problem(String reference, String surveyId);

    /** Lines shown above the questions, e.g. the course and its learning outcomes. */
    default List<String> describe(String reference) {
        return List.of();
    }

    /** Fields asked beside the survey's questions. Their values are never stored as answers. */
    default List<Field> fields(String reference) {
        return List.of();
    }

    /** What to fix in those fields, by field name; empty when they are fine. */
    default Map<String, String> check(String reference, Map<String, String> values) {
        return Map.of();
    }

    /**
     * Records the link for a response just stored, inside the response's transaction.
     *
     * @throws Refused to store nothing, with words for the person
     */
    void attach(String reference, String surveyId, long responseId, Map<String, String> values);

    /**
     * A field beside the questions.
     *
     * @param hint says why it is asked and what happens to what is typed
     */
    record Field(String name, String label, String hint, String autocomplete) {
    }

    /** The link cannot take this response; nothing is stored. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }
}
