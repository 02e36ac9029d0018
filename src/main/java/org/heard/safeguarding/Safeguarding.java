package org.heard.safeguarding;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What other features ask of safeguarding: the signposting to show a respondent, and which
 * responses are flagged so their words are kept out of quotes in reports and themes (they are still
 * counted).
 */
@Singleton
public class Safeguarding {
    // Warm and plain, and no promise of secrecy: we may need to tell someone who can help.
    private static final String MESSAGE = "Thank you for telling us. It sounds like things might be hard for you. "
            + "You are not in trouble. Because we want you to be safe, we may need to tell someone whose job is to help. "
            + "You can talk to Childline any time, day or night, for free: call 0800 1111 or go to childline.org.uk. "
            + "If you are in danger right now, call 999.";

    private final AlertStore store;
    private final SafeguardingConfiguration config;

    Safeguarding(AlertStore store, SafeguardingConfiguration config) {
        this.store = store;
        this.config = config;
    }

    /** The signposting for a response whose answers were flagged, or empty when none were. */
    public Optional<Signpost> signpostFor(long responseId) {
        return store.flagged(responseId) ? Optional.of(new Signpost(true, message())) : Optional.empty();
    }

    /** The signposting for a response, saying {@code flagged: false} when there is none. */
    public Signpost signpostOrNone(long responseId) {
        return signpostFor(responseId).orElse(Signpost.NONE);
    }

    /** The signposting text, with the partnership's own front door numbers added. */
    public String message() {
        List<String> lines = new ArrayList<>(List.of(MESSAGE));
        lines.addAll(config.frontDoorLines());
        return String.join(" ", lines);
    }

    /** The partnership's own front door numbers, for channels that word their signposting themselves. */
    public List<String> frontDoorLines() {
        return config.frontDoorLines();
    }

    public boolean isFlagged(long responseId) {
        return store.flagged(responseId);
    }

    /** Which of these responses are flagged. */
    public Set<Long> flagged(Collection<Long> responseIds) {
        return responseIds.stream().filter(store::flagged).collect(Collectors.toSet());
    }
}
