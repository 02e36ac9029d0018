package org.heard.search;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of hits, most relevant (or newest) first, with counts per facet over all hits. Snippets are
 * HTML-escaped text with only {@code <mark>} added around the matched words.
 */
@Serdeable
public record SearchResult(long total, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    @Serdeable
    public record Hit(long responseId, String surveyId, String questionId, String audience, String channel,
                      Instant submittedAt, String snippet) {
    }
}
