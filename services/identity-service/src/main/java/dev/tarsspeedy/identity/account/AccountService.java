package dev.tarsspeedy.identity.account;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.identity.crypto.PasswordHasher;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Sign-up and the user's own profile. */
@Service
public class AccountService {

    private final AccountRepository accounts;
    private final SignupVerification verification;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher passwords;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public AccountService(
            AccountRepository accounts,
            SignupVerification verification,
            PasswordPolicy passwordPolicy,
            PasswordHasher passwords,
            TransactionalOperator transaction,
            Clock clock) {
        this.accounts = accounts;
        this.verification = verification;
        this.passwordPolicy = passwordPolicy;
        this.passwords = passwords;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Creates the account, pending verification, and requests the email with its code in the same transaction.
     *
     * @return the new account; fails with {@link WeakPasswordException}, {@link InvalidNameException} or
     *     {@link EmailUnavailableException}
     */
    public Mono<Account> signUp(SignUp command) {
        return Mono.defer(() -> {
            passwordPolicy.require(command.password(), command.email());
            String name = PersonName.normalise(command.name());
            // Checked first so that a taken address costs no hashing; the unique index decides races.
            return accounts.findByEmail(command.email())
                    .flatMap(existing -> Mono.<Account>error(new EmailUnavailableException()))
                    .switchIfEmpty(passwords.hash(command.password()).flatMap(hash -> {
                        Account account = Account.signedUp(
                                command.email(), hash, name, command.language(), command.timeZone(), clock.instant());
                        return transaction.transactional(accounts.insertIfAbsent(account)
                                .flatMap(inserted -> inserted
                                        ? verification.sendCode(account).thenReturn(account)
                                        : Mono.error(new EmailUnavailableException())));
                    }));
        });
    }

    /** The account of a signed-in user; fails with {@link AccountNotFoundException}. */
    public Mono<Account> get(UserId id) {
        return accounts.findById(id).switchIfEmpty(Mono.error(() -> new AccountNotFoundException(id)));
    }

    /** An operator's look-up by address; empty when there is no such account. */
    public Mono<Account> find(EmailAddress email) {
        return accounts.findByEmail(email);
    }

    /** Changes the fields given and returns the account as stored. */
    public Mono<Account> changeProfile(UserId id, ProfileChange change) {
        return Mono.defer(() -> {
            String newName = change.name().map(PersonName::normalise).orElse(null);
            return transaction.transactional(get(id).flatMap(account -> {
                Account changed = account.withProfile(
                        newName != null ? newName : account.name(),
                        change.language().orElse(account.language()),
                        change.timeZone().orElse(account.timeZone()),
                        clock.instant());
                return accounts.update(changed).thenReturn(changed);
            }));
        });
    }
}
