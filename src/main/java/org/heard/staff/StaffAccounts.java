package org.heard.staff;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.heard.survey.SurveyCatalog;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creating, listing and checking staff accounts. */
@Singleton
public class StaffAccounts {
    private final StaffRepository repository;
    private final PasswordHasher hasher;
    // Looked up when needed: the catalog starts with the context and must not wait on sign-in beans.
    private final jakarta.inject.Provider<SurveyCatalog> catalog;
    private final Clock clock;
    private final RecentPasswords recent;

    StaffAccounts(StaffRepository repository, PasswordHasher hasher, jakarta.inject.Provider<SurveyCatalog> catalog, Clock clock,
                  RecentPasswords recent) {
        this.recent = recent;
        this.repository = repository;
        this.hasher = hasher;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A new account's details as typed; checked by {@link #create}. */
    public record NewAccount(String username, String displayName, String password, String role, @Nullable String agency) {
    }

    /** A signed-in member of staff. */
    @io.micronaut.serde.annotation.Serdeable
    public record Staff(long id, String username, String displayName, Role role, @Nullable String agency, boolean active) {
    }

    /** Creates an account, or returns what to fix per field. */
    public Map<String, String> create(NewAccount a) {
        var errors = new LinkedHashMap<String, String>();
        String username = a.username() == null ? "" : a.username().strip().toLowerCase();
        if (!username.matches("[a-z0-9._@-]{3,100}")) {
            errors.put("username", "Enter a username of 3 to 100 letters, digits, '.', '_', '@' or '-'");
        } else if (repository.findByUsername(username).isPresent()) {
            errors.put("username", "That username is taken");
        }
        if (a.displayName() == null || a.displayName().isBlank() || a.displayName().length() > 200) {
            errors.put("displayName", "Enter the person's name");
        }
        if (a.password() == null || a.password().length() < 12 || a.password().length() > 200) {
            errors.put("password", "Enter a password of at least 12 characters");
        }
        Optional<Role> role = a.role() == null ? Optional.empty() : Role.parse(a.role());
        if (role.isEmpty()) {
            errors.put("role", "Select a role");
        }
        String agency = a.agency() == null || a.agency().isBlank() ? null : a.agency().strip();
        if (role.orElse(null) == Role.AGENCY_LEAD && (agency == null || catalog.get().agencies().find(agency).isEmpty())) {
            errors.put("agency", "Select the agency this lead is responsible for");
        }
        if (errors.isEmpty()) {
            repository.save(new StaffAccount(null, username, a.displayName().strip(), hasher.hash(a.password()),
                    role.get().name(), role.get() == Role.AGENCY_LEAD ? agency : null, true, clock.instant()));
        }
        return errors;
    }

    public List<Staff> all() {
        return repository.findAllOrderByUsername().stream().map(StaffAccounts::toStaff).toList();
    }

    public boolean any() {
        return repository.count() > 0;
    }

    public void setActive(long id, boolean active) {
        repository.findById(id).ifPresent(a -> repository.update(a.withActive(active)));
    }

    /** The account, if the username and password match an active one. */
    public Optional<Staff> check(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return repository.findByUsername(username.strip().toLowerCase())
                .filter(StaffAccount::active)
                .filter(a -> recent.known(a.passwordHash(), password) || remembered(a.passwordHash(), password))
                .map(StaffAccounts::toStaff);
    }

    private boolean remembered(String storedHash, String password) {
        boolean matches = hasher.matches(password, storedHash);
        if (matches) {
            recent.remember(storedHash, password);
        }
        return matches;
    }

    private static Staff toStaff(StaffAccount a) {
        return new Staff(a.id(), a.username(), a.displayName(), Role.valueOf(a.role()), a.agency(), a.active());
    }
}
