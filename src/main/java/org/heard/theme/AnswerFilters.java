package org.heard.theme;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.authentication.Authentication;
import org.heard.search.Filters;
import org.heard.search.SearchRequest;

/** The search filters, as query parameters, that choose the answers themes work on. */
@Introspected
record AnswerFilters(@Nullable @QueryValue String q, @Nullable @QueryValue String audience, @Nullable @QueryValue String survey,
                     @Nullable @QueryValue String question, @Nullable @QueryValue String agency, @Nullable @QueryValue String channel,
                     @Nullable @QueryValue String measure, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {

    /** @throws IllegalArgumentException when a filter cannot be read */
    SearchRequest request(Authentication auth) {
        return Filters.of(q, audience, survey, question, agency, channel, measure, from, to, auth);
    }
}
