package dev.tarsspeedy.identity.account;

import dev.tarsspeedy.identity.UserId;
import reactor.core.publisher.Mono;

/** Where accounts are kept. Writes join the caller's transaction. */
public interface AccountRepository {

    /** Stores a new account unless its address is taken; {@code false} when it is. */
    Mono<Boolean> insertIfAbsent(Account account);

    Mono<Account> findById(UserId id);

    Mono<Account> findByEmail(EmailAddress email);

    /** Finds and locks the account until the transaction ends, so concurrent changes to it wait. */
    Mono<Account> findByEmailForUpdate(EmailAddress email);

    /** Writes every field of an existing account. */
    Mono<Void> update(Account account);
}
