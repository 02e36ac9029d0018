package org.heard.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * @param suppressionThreshold counts from 1 to this are hidden ({@code HEARD_SUPPRESSION_THRESHOLD})
 * @param minimumPercentageBase percentages are withheld when their base is below this
 * @param minimumQuoteGroup     free-text quotes only from groups with at least this many respondents
 * @param staffSurvey           the Section 11 staff survey the staff-experience report reads
 * @param voiceCodebook         the codebook whose themes the voice-of-the-child report shows
 * @param staffCodebook         the codebook whose themes the staff-experience report shows
 * @param tallyWarmUpAfter      how long after start the last two years' daily tallies are counted in the
 *                              background ({@code HEARD_TALLY_WARM_UP_AFTER}); 0 leaves it to the first report
 */
@ConfigurationProperties("heard")
public record ReportConfiguration(
        @Bindable(defaultValue = "4") @Min(1) int suppressionThreshold,
        @Bindable(defaultValue = "10") @Min(1) int minimumPercentageBase,
        @Bindable(defaultValue = "10") @Min(1) int minimumQuoteGroup,
        @Bindable(defaultValue = "section-11-staff") String staffSurvey,
        @Bindable(defaultValue = "voice-of-the-child") String voiceCodebook,
        @Bindable(defaultValue = "practitioner-feedback") String staffCodebook,
        @Bindable(defaultValue = "30s") java.time.Duration tallyWarmUpAfter) {
}
