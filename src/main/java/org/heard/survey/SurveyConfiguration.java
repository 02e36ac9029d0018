package org.heard.survey;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

import java.time.ZoneId;

/**
 * Where the survey definitions live and which calendar decides when a survey opens and closes.
 *
 * @param surveysDir folder of survey YAML files ({@code HEARD_SURVEYS_DIR})
 * @param timeZone   opening and closing dates are days in this zone
 */
@ConfigurationProperties("heard")
public record SurveyConfiguration(
        @Bindable(defaultValue = "./surveys") @NotBlank String surveysDir,
        @Bindable(defaultValue = "Europe/London") @NotBlank String timeZone) {

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
