package org.heard.theme;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * @param codebooksDir   the codebook files brought in at start-up ({@code HEARD_THEMES_CODEBOOKS_DIR})
 * @param maxImportRows  the most rows one dataset import may carry
 * @param maxAnswers     the most answers discovery and theme reports read at once
 * @param maxTextLength  the longest text a dataset row may carry
 */
@ConfigurationProperties("heard.themes")
record ThemeConfiguration(
        @Bindable(defaultValue = "./surveys/codebooks") @NotBlank String codebooksDir,
        @Bindable(defaultValue = "50000") @Min(1) int maxImportRows,
        @Bindable(defaultValue = "100000") @Min(1) int maxAnswers,
        @Bindable(defaultValue = "10000") @Min(1) @Max(65000) int maxTextLength) {
}
