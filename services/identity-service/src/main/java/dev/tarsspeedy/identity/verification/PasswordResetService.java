package dev.tarsspeedy.identity.verification;

import dev.tarsspeedy.identity.account.AccountRepository;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.account.PasswordPolicy;
import dev.tarsspeedy.identity.crypto.PasswordHasher;
import dev.tarsspeedy.identity.throttle.EmailCooldown;
import dev.tarsspeedy.identity.token.RefreshTokens;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Forgotten passwords: a code by email, then a new password with that code. */
@Service
public class PasswordResetService {

    static final String REQUEST = "password-reset";

    private final AccountRepository accounts;
    private final VerificationCodes codes;
    private final EmailCooldown cooldown;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwords;
    private final RefreshTokens refreshTokens;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public PasswordResetService(
            AccountRepository accounts,
            VerificationCodes codes,
            EmailCooldown cooldown,
            PasswordPolicy passwordPolicy,
            PasswordHasher passwords,
            RefreshTokens refreshTokens,
            TransactionalOperator transaction,
            Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.cooldown = cooldown;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Emails a reset code if an account has this address, and does nothing otherwise: the caller cannot tell which.
     * Fails with a {@code ThrottledException} within the cooldown (for any address alike).
     */
    public Mono<Void> request(EmailAddress email) {
        return cooldown.acquire(REQUEST, email.value())
                .then(transaction.transactional(accounts.findByEmailForUpdate(email)
                        .flatMap(account -> codes.issue(account, CodePurpose.PASSWORD_RESET))));
    }

    /**
     * Sets the new password when the code is the account's live reset code, and revokes every refresh token of the
     * account (all sessions end). The code proves the address, so an account still pending verification becomes
     * active. Fails with {@code WeakPasswordException} before the code is looked at, then like
     * {@link VerificationService#verify}.
     */
    public Mono<Void> reset(EmailAddress email, String code, String newPassword) {
        return Mono.defer(() -> {
                    passwordPolicy.require(newPassword, email);
                    return passwords.hash(newPassword);
                })
                .flatMap(hash -> transaction.transactional(accounts.findByEmailForUpdate(email)
                        .flatMap(account -> codes.check(account.id(), CodePurpose.PASSWORD_RESET, code)
                                .flatMap(result -> {
                                    if (!(result instanceof CodeCheck.Accepted)) {
                                        return Mono.just(result);
                                    }
                                    Instant now = clock.instant();
                                    var changed = account.withPasswordHash(hash, now);
                                    return accounts.update(changed.isActive() ? changed : changed.activated(now))
                                            .then(refreshTokens.revokeAllOf(account.id()))
                                            .thenReturn(result);
                                }))
                        .defaultIfEmpty(new CodeCheck.NoCode())))
                .flatMap(CodeCheck::orError);
    }
}
