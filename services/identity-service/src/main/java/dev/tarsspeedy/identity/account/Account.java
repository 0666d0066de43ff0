package dev.tarsspeedy.identity.account;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.platform.caller.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A user's account. The name is plain text here; it is encrypted only where it is stored.
 *
 * @param passwordHash the Argon2id hash in its standard encoded form, never the password
 */
public record Account(
        UserId id,
        EmailAddress email,
        String passwordHash,
        String name,
        Language language,
        ZoneId timeZone,
        Set<Role> roles,
        AccountStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** A new account waiting for its address to be verified. */
    public static Account signedUp(
            EmailAddress email, String passwordHash, String name, Language language, ZoneId timeZone, Instant now) {
        return new Account(
                UserId.random(),
                email,
                passwordHash,
                name,
                language,
                timeZone,
                Set.of(Role.USER),
                AccountStatus.PENDING_VERIFICATION,
                now,
                now);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public Account activated(Instant now) {
        return new Account(
                id, email, passwordHash, name, language, timeZone, roles, AccountStatus.ACTIVE, createdAt, now);
    }

    public Account withPasswordHash(String newHash, Instant now) {
        return new Account(id, email, newHash, name, language, timeZone, roles, status, createdAt, now);
    }

    public Account withProfile(String newName, Language newLanguage, ZoneId newTimeZone, Instant now) {
        return new Account(id, email, passwordHash, newName, newLanguage, newTimeZone, roles, status, createdAt, now);
    }

    /** Neither the password hash nor the name: accounts may end up in logs. */
    @Override
    public String toString() {
        return "Account[id=" + id + ", status=" + status + ", roles=" + roles + "]";
    }
}
