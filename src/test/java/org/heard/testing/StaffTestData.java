package org.heard.testing;

import io.micronaut.http.MutableHttpRequest;
import org.heard.staff.StaffAccounts;

import java.util.Map;

/** Makes staff accounts with unique usernames and signs requests as them. */
public final class StaffTestData {
    public static final String PASSWORD = "correct horse battery staple";

    private StaffTestData() {
    }

    public record Login(String username, String password) {
        public <T> MutableHttpRequest<T> sign(MutableHttpRequest<T> request) {
            return request.basicAuth(username, password);
        }
    }

    public static Login create(StaffAccounts accounts, String role, String agency) {
        String username = Surveys.unique(role.toLowerCase().replace('_', '-'));
        Map<String, String> errors = accounts.create(new StaffAccounts.NewAccount(username, "Test " + role, PASSWORD, role, agency));
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Could not create test account: " + errors);
        }
        return new Login(username, PASSWORD);
    }

    public static Login create(StaffAccounts accounts, String role) {
        return create(accounts, role, null);
    }

}
