package dev.tarsspeedy.identity.verification;

import dev.tarsspeedy.identity.account.AccountRepository;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.throttle.EmailCooldown;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Verifying a new account's address with the emailed code, and sending a new code. */
@Service
public class VerificationService {

    static final String RESEND = "verification";

    private final AccountRepository accounts;
    private final VerificationCodes codes;
    private final EmailCooldown cooldown;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public VerificationService(
            AccountRepository accounts,
            VerificationCodes codes,
            EmailCooldown cooldown,
            TransactionalOperator transaction,
            Clock clock) {
        this.accounts = accounts;
        this.codes = codes;
        this.cooldown = cooldown;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Activates the account when the code is its live sign-up code. The check (a wrong entry counted, or the account
     * activated) commits before the answer; fails with {@link CodeInvalidException}, {@link CodeExpiredException}
     * or {@link CodeExhaustedException}. An unknown or already active address is an invalid code.
     */
    public Mono<Void> verify(EmailAddress email, String code) {
        Mono<CodeCheck> check = accounts.findByEmailForUpdate(email)
                .filter(account -> !account.isActive())
                .flatMap(account -> codes.check(account.id(), CodePurpose.SIGNUP, code)
                        .flatMap(result -> result instanceof CodeCheck.Accepted
                                ? accounts.update(account.activated(clock.instant()))
                                        .thenReturn(result)
                                : Mono.just(result)))
                .defaultIfEmpty(new CodeCheck.NoCode());
        return transaction.transactional(check).flatMap(CodeCheck::orError);
    }

    /**
     * Sends a new code (the old one stops working) to an account still waiting for verification; does nothing for
     * other addresses, so the answer reveals nothing. Fails with a {@code ThrottledException} within the cooldown.
     */
    public Mono<Void> resend(EmailAddress email) {
        return cooldown.acquire(RESEND, email.value())
                .then(transaction.transactional(accounts.findByEmailForUpdate(email)
                        .filter(account -> !account.isActive())
                        .flatMap(account -> codes.issue(account, CodePurpose.SIGNUP))));
    }
}
