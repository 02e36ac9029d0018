package org.heard.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The SMTP server Heard sends its emails through ({@code HEARD_MAIL_HOST} and friends).
 *
 * @param host     SMTP host; when empty, emails are not sent and say so in the log
 * @param starttls require STARTTLS before sending credentials
 */
@ConfigurationProperties("heard.mail")
public record MailConfiguration(
        @Nullable String host,
        @Bindable(defaultValue = "25") int port,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "heard@localhost") String from,
        @Bindable(defaultValue = "false") boolean starttls,
        @Bindable(defaultValue = "10000") int timeoutMillis) {

    public boolean configured() {
        return host != null && !host.isBlank();
    }
}
