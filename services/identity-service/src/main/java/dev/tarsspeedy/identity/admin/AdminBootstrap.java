package dev.tarsspeedy.identity.admin;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.identity.account.Account;
import dev.tarsspeedy.identity.account.AccountRepository;
import dev.tarsspeedy.identity.account.AccountStatus;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.account.InvalidEmailException;
import dev.tarsspeedy.identity.account.PasswordPolicy;
import dev.tarsspeedy.identity.account.PersonName;
import dev.tarsspeedy.identity.account.Role;
import dev.tarsspeedy.identity.crypto.PasswordHasher;
import dev.tarsspeedy.platform.caller.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Creates the operator account at start: active, roles {@code USER} and {@code ADMIN}. Idempotent: an account with
 * that address, whatever its state, is left exactly as it is (its password is not reset), so restarts and several
 * instances starting at once are safe. A malformed address or a password the policy refuses stops the start.
 */
@Component
public class AdminBootstrap implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    /** What a run did. */
    public enum Outcome {
        NOT_CONFIGURED,
        CREATED,
        ALREADY_EXISTS
    }

    private final AdminSettings properties;
    private final AccountRepository accounts;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwords;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public AdminBootstrap(
            AdminSettings properties,
            AccountRepository accounts,
            PasswordPolicy passwordPolicy,
            PasswordHasher passwords,
            TransactionalOperator transaction,
            Clock clock) {
        this.properties = properties;
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Outcome outcome = bootstrap().block(Duration.ofMinutes(1));
        String email = EmailAddress.tryParse(properties.email())
                .map(EmailAddress::value)
                .orElse(properties.email());
        switch (outcome) {
            case CREATED -> log.info("Created the admin account {}", email);
            case ALREADY_EXISTS -> log.info("Admin account {} exists; left as it is", email);
            case NOT_CONFIGURED ->
                log.info("No admin account configured (IDENTITY_ADMIN_EMAIL and IDENTITY_ADMIN_PASSWORD)");
            case null -> throw new IllegalStateException("admin bootstrap gave no answer");
        }
    }

    /** Creates the account unless it exists. */
    public Mono<Outcome> bootstrap() {
        if (!properties.configured()) {
            return Mono.just(Outcome.NOT_CONFIGURED);
        }
        return Mono.defer(() -> {
            EmailAddress email;
            try {
                email = EmailAddress.parse(properties.email());
            } catch (InvalidEmailException e) {
                throw new IllegalStateException("IDENTITY_ADMIN_EMAIL is not a valid address: " + e.getMessage(), e);
            }
            List<PasswordPolicy.Violation> violations = passwordPolicy.check(properties.password(), email);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("IDENTITY_ADMIN_PASSWORD is refused by the password policy: "
                        + violations.stream()
                                .map(PasswordPolicy.Violation::message)
                                .toList());
            }
            String name = PersonName.normalise(properties.name());
            Language language =
                    Optional.ofNullable(Language.ofTag(properties.locale())).orElse(Language.EN);
            return accounts.findByEmail(email)
                    .map(existing -> Outcome.ALREADY_EXISTS)
                    .switchIfEmpty(passwords.hash(properties.password()).flatMap(hash -> {
                        Instant now = clock.instant();
                        Account admin = new Account(
                                UserId.random(),
                                email,
                                hash,
                                name,
                                language,
                                ZoneId.of("UTC"),
                                Set.of(Role.USER, Role.ADMIN),
                                AccountStatus.ACTIVE,
                                now,
                                now);
                        return transaction
                                .transactional(accounts.insertIfAbsent(admin))
                                .map(inserted -> inserted ? Outcome.CREATED : Outcome.ALREADY_EXISTS);
                    }));
        });
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
