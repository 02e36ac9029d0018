package org.heard.safeguarding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;
import java.util.List;

/**
 * @param indicators      the indicators file ({@code HEARD_SAFEGUARDING_INDICATORS})
 * @param leadsEmail      where new alerts are emailed ({@code HEARD_SAFEGUARDING_LEADS_EMAIL})
 * @param escalationEmail where unacknowledged alerts are escalated (defaults to the leads' address)
 * @param escalateAfter   how long an alert may wait unacknowledged before it is escalated
 * @param frontDoor       the partnership's own front door line(s), added to the signposting
 * @param learnedThreshold how sure the learned screen must be to flag, 0.5 to 0.99
 *                        ({@code HEARD_SAFEGUARDING_LEARNED_THRESHOLD}): lower finds more disclosures and
 *                        sends the leads more ordinary answers; the trade-off is measured in
 *                        benchmarks/results/safeguarding-cross-validation.md
 * @param cacheDir        where the trained learned screen is kept between starts
 *                        ({@code HEARD_SAFEGUARDING_CACHE_DIR}); without it the screen is trained at every start
 */
@ConfigurationProperties("heard.safeguarding")
public record SafeguardingConfiguration(
        @Bindable(defaultValue = "./surveys/safeguarding/indicators.yaml") @NotBlank String indicators,
        @Nullable String leadsEmail,
        @Nullable String escalationEmail,
        @Bindable(defaultValue = "1h") Duration escalateAfter,
        @Bindable(defaultValue = "1m") Duration checkEvery,
        @Nullable List<String> frontDoor,
        @Bindable(defaultValue = "0.72") @DecimalMin("0.5") @DecimalMax("0.99") double learnedThreshold,
        @Nullable String cacheDir) {

    public List<String> frontDoorLines() {
        return frontDoor == null ? List.of() : frontDoor;
    }
}
