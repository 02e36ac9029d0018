package org.heard.staff;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first admin from {@code HEARD_ADMIN_USERNAME} and {@code HEARD_ADMIN_PASSWORD} when
 * no staff account exists yet, so a new installation can be signed into.
 */
@Singleton
class FirstAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
    private final StaffAccounts accounts;
    private final String username;
    private final String password;

    FirstAdmin(StaffAccounts accounts, @Value("${heard.admin-username:}") String username,
               @Value("${heard.admin-password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (accounts.any()) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            LOG.warn("No staff account exists. Set HEARD_ADMIN_USERNAME and HEARD_ADMIN_PASSWORD to create the first admin.");
            return;
        }
        var errors = accounts.create(new StaffAccounts.NewAccount(username, "Administrator", password, Role.ADMIN.name(), null));
        if (errors.isEmpty()) {
            LOG.info("Created the first admin account '{}'", username);
        } else {
            LOG.error("Could not create the first admin: {}", errors.values());
        }
    }
}
