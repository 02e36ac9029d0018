package org.heard.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * @param indexDir    where the Lucene index lives ({@code HEARD_SEARCH_INDEX_DIR})
 * @param synonyms    the safeguarding vocabulary file, read at start-up (see {@link Vocabulary})
 * @param maxPageSize the most hits one page may ask for
 */
@ConfigurationProperties("heard.search")
record SearchConfiguration(
        @NotBlank String indexDir,
        @NotBlank String synonyms,
        @Bindable(defaultValue = "100") @Min(1) int maxPageSize) {
}
