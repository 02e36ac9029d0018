package org.heard.training;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;
import java.time.LocalTime;

/**
 * Training evaluation settings ({@code heard.training.*}).
 *
 * @param daySurvey         the survey answered on the day through a session's link
 * @param followUpSurvey    the survey answered at three months through a personal link
 * @param followUpMonths    months after the session that the invitation is sent
 * @param sendAt            local time of day the invitation becomes due (in the surveys' time zone)
 * @param reminderAfter     time after the invitation that the one reminder is sent
 * @param window            time after the invitation was due that the follow-up closes and the address is erased
 * @param evaluationDays    days after the session that its on-the-day link still takes answers
 * @param publicUrl         the address people reach Heard at, for links in emails and QR codes
 * @param checkEvery        how often due emails are looked for
 * @param batchSize         emails sent per look
 * @param claimFor          how long one instance holds an email it is sending before another may take it over
 * @param retryAfter        the first wait after a failed send; it doubles each time, up to {@code retryAtMost}
 * @param maxAttempts       sends tried before giving up on an address
 */
@ConfigurationProperties("heard.training")
public record TrainingConfiguration(
        @Bindable(defaultValue = "training-on-the-day") @NotBlank String daySurvey,
        @Bindable(defaultValue = "training-3-month-impact") @NotBlank String followUpSurvey,
        @Bindable(defaultValue = "3") @Min(1) int followUpMonths,
        @Bindable(defaultValue = "09:00") LocalTime sendAt,
        @Bindable(defaultValue = "14d") Duration reminderAfter,
        @Bindable(defaultValue = "28d") Duration window,
        @Bindable(defaultValue = "14") @Min(0) int evaluationDays,
        @Bindable(defaultValue = "http://localhost:8080") @NotBlank String publicUrl,
        @Bindable(defaultValue = "1m") Duration checkEvery,
        @Bindable(defaultValue = "50") @Min(1) int batchSize,
        @Bindable(defaultValue = "5m") Duration claimFor,
        @Bindable(defaultValue = "1m") Duration retryAfter,
        @Bindable(defaultValue = "6h") Duration retryAtMost,
        @Bindable(defaultValue = "8") @Min(1) int maxAttempts) {

    String link(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
