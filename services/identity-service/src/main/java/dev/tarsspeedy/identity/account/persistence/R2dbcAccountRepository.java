package dev.tarsspeedy.identity.account.persistence;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.identity.account.Account;
import dev.tarsspeedy.identity.account.AccountRepository;
import dev.tarsspeedy.identity.account.AccountStatus;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.account.Role;
import dev.tarsspeedy.identity.crypto.FieldCipher;
import dev.tarsspeedy.platform.caller.Language;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Accounts in {@code user_account}. The name is stored AES-GCM encrypted, bound to the user's id; the email stays
 * plain (it is looked up and must be unique) and normalised.
 */
@Repository
class R2dbcAccountRepository implements AccountRepository {

    private static final String COLUMNS =
            "id, email, password_hash, name_encrypted, locale, time_zone, roles, status, created_at, updated_at";

    private final DatabaseClient database;
    private final FieldCipher cipher;

    R2dbcAccountRepository(DatabaseClient database, FieldCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public Mono<Boolean> insertIfAbsent(Account account) {
        return database.sql("insert into user_account (" + COLUMNS + ") values (:id, :email, :passwordHash,"
                        + " :name, :locale, :timeZone, :roles, :status, :createdAt, :updatedAt)"
                        + " on conflict (email) do nothing")
                .bind("id", account.id().value())
                .bind("email", account.email().value())
                .bind("passwordHash", account.passwordHash())
                .bind("name", encryptName(account))
                .bind("locale", account.language().tag())
                .bind("timeZone", account.timeZone().getId())
                .bind("roles", roles(account.roles()))
                .bind("status", account.status().name())
                .bind("createdAt", account.createdAt())
                .bind("updatedAt", account.updatedAt())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1);
    }

    @Override
    public Mono<Account> findById(UserId id) {
        return database.sql("select " + COLUMNS + " from user_account where id = :id")
                .bind("id", id.value())
                .map(this::account)
                .one();
    }

    @Override
    public Mono<Account> findByEmail(EmailAddress email) {
        return database.sql("select " + COLUMNS + " from user_account where email = :email")
                .bind("email", email.value())
                .map(this::account)
                .one();
    }

    @Override
    public Mono<Account> findByEmailForUpdate(EmailAddress email) {
        return database.sql("select " + COLUMNS + " from user_account where email = :email for update")
                .bind("email", email.value())
                .map(this::account)
                .one();
    }

    @Override
    public Mono<Void> update(Account account) {
        return database.sql("update user_account set password_hash = :passwordHash, name_encrypted = :name,"
                        + " locale = :locale, time_zone = :timeZone, roles = :roles, status = :status,"
                        + " updated_at = :updatedAt where id = :id")
                .bind("id", account.id().value())
                .bind("passwordHash", account.passwordHash())
                .bind("name", encryptName(account))
                .bind("locale", account.language().tag())
                .bind("timeZone", account.timeZone().getId())
                .bind("roles", roles(account.roles()))
                .bind("status", account.status().name())
                .bind("updatedAt", account.updatedAt())
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("account " + account.id() + " vanished")));
    }

    private byte[] encryptName(Account account) {
        return cipher.encryptText(account.name(), nameContext(account.id().value()));
    }

    /** The associated data of a user's encrypted name: the ciphertext decrypts in this user's row only. */
    static String nameContext(UUID userId) {
        return "user_account.name:" + userId;
    }

    private static String[] roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private Account account(Readable row) {
        UUID id = row.get("id", UUID.class);
        String[] roles = row.get("roles", String[].class);
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        Arrays.stream(roles == null ? new String[0] : roles).map(Role::valueOf).forEach(roleSet::add);
        return new Account(
                new UserId(id),
                EmailAddress.parse(row.get("email", String.class)),
                row.get("password_hash", String.class),
                cipher.decryptText(row.get("name_encrypted", byte[].class), nameContext(id)),
                Optional.ofNullable(Language.ofTag(row.get("locale", String.class)))
                        .orElse(Language.EN),
                ZoneId.of(row.get("time_zone", String.class)),
                roleSet,
                AccountStatus.valueOf(row.get("status", String.class)),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
