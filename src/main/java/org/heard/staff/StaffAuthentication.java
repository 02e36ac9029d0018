package org.heard.staff;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;

/**
 * Checks a username and password (sign-in form or HTTP Basic) against the staff accounts. It reads
 * the database, so it runs on the blocking executor: HTTP Basic is checked in a filter, and on the
 * event loop one slow lookup would hold up every other request on that connection's thread.
 */
@Singleton
class StaffAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {
    static final String AGENCY = "agency";
    static final String NAME = "name";

    private final StaffAccounts accounts;

    StaffAuthentication(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> auth) {
        return accounts.check(auth.getIdentity(), auth.getSecret())
                .map(s -> {
                    var attributes = new HashMap<String, Object>();
                    attributes.put(NAME, s.displayName());
                    if (s.agency() != null) {
                        attributes.put(AGENCY, s.agency());
                    }
                    return AuthenticationResponse.success(s.username(), List.of(s.role().name()), attributes);
                })
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}
