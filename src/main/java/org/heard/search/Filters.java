package org.heard.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

/** The search filters other features accept (themes choose answers the same way search does). */
public final class Filters {
    private Filters() {
    }

    /**
     * A request for every answer matching these filters, with the agency lead's scope applied.
     *
     * @throws IllegalArgumentException with words a person can act on, when a filter cannot be read
     */
    public static SearchRequest of(@Nullable String q, @Nullable String audience, @Nullable String survey, @Nullable String question,
                                   @Nullable String agency, @Nullable String channel, @Nullable String measure,
                                   @Nullable String from, @Nullable String to, Authentication auth) {
        return SearchController.request(q, audience, survey, question, agency, channel, measure, from, to, 1, 1, null, auth, 1);
    }
}
