package dev.tarsspeedy.identity.verification;

import dev.tarsspeedy.identity.account.AccountRepository;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.account.PasswordPolicy;
import dev.tarsspeedy.identity.crypto.PasswordHasher;
import dev.tarsspeedy.identity.throttle.EmailCooldown;
import dev.tarsspeedy.identity.token.RefreshTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Forgotten passwords: a code by email, then a new password with that code. */
@Service
public class PasswordResetService implements DisposableBean {

    static final String REQUEST = "password-reset";
    /** Counter of reset requests handled after the answer, tagged {@code outcome}: issued, no-account, failed. */
    public static final String REQUESTS = "identity.password-reset.requests";

    private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);
    /** A database blip must not cost the code: the caller was already told 202 and cannot see a failure. */
    private static final Retry ISSUE_RETRY =
            Retry.backoff(2, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(1));
    /** How long a stopping instance waits for codes still being issued, before the database pool closes. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final AccountRepository accounts;
    private final VerificationCodes codes;
    private final EmailCooldown cooldown;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwords;
    private final RefreshTokens refreshTokens;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Counter issued;
    private final Counter noAccount;
    private final Counter failed;
    private final AtomicInteger issuing = new AtomicInteger();

    public PasswordResetService(
            AccountRepository accounts,
            VerificationCodes codes,
            EmailCooldown cooldown,
            PasswordPolicy passwordPolicy,
            PasswordHasher passwords,
            RefreshTokens refreshTokens,
            TransactionalOperator transaction,
            Clock clock,
            MeterRegistry meters) {
        this.accounts = accounts;
        this.codes = codes;
        this.cooldown = cooldown;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.transaction = transaction;
        this.clock = clock;
        this.issued = outcome(meters, "issued");
        this.noAccount = outcome(meters, "no-account");
        this.failed = outcome(meters, "failed");
    }

    /**
     * Emails a reset code if an account has this address, and does nothing otherwise: the caller cannot tell which.
     * Fails with a {@code ThrottledException} within the cooldown (for any address alike).
     *
     * <p>Completes once the cooldown is taken, before the account is even looked up: looking it up, issuing the code
     * and storing the email request go on afterwards, so a known address is not answered later than an unknown one.
     * A failure there is retried briefly, then logged and counted ({@value #REQUESTS}, outcome {@code failed}).
     */
    public Mono<Void> request(EmailAddress email) {
        return cooldown.acquire(REQUEST, email.value()).then(Mono.fromRunnable(() -> issueAfterAnswering(email)));
    }

    private void issueAfterAnswering(EmailAddress email) {
        issuing.incrementAndGet();
        transaction
                .transactional(accounts.findByEmailForUpdate(email)
                        .flatMap(account ->
                                codes.issue(account, CodePurpose.PASSWORD_RESET).thenReturn(true))
                        .defaultIfEmpty(false))
                .retryWhen(ISSUE_RETRY)
                .doFinally(signal -> issuing.decrementAndGet())
                .subscribe((Boolean sent) -> (sent ? issued : noAccount).increment(), error -> {
                    failed.increment();
                    log.error(
                            "Password reset for {} failed after it was answered with 202: no code was sent; the user"
                                    + " must ask again",
                            email.value(),
                            error);
                });
    }

    /** A graceful stop lets the codes being issued finish (the database pool closes after this bean). */
    @Override
    public void destroy() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (issuing.get() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        if (issuing.get() > 0) {
            log.error("Stopped with {} password reset code(s) still being issued; they were not sent", issuing.get());
        }
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder(REQUESTS)
                .description("Password reset requests handled after the 202, by outcome")
                .tag("outcome", outcome)
                .register(meters);
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
