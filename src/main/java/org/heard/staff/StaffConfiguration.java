package org.heard.staff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * @param hashIterations PBKDF2 rounds for new password hashes; stored hashes keep their own count
 */
@ConfigurationProperties("heard.staff")
record StaffConfiguration(@Bindable(defaultValue = "310000") @Min(1000) int hashIterations) {
}
