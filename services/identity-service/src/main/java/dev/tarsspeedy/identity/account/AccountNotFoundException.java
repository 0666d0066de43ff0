package dev.tarsspeedy.identity.account;

import dev.tarsspeedy.identity.UserId;

/** No account with this id (a token of a user who no longer exists). */
public final class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(UserId id) {
        super("no account " + id);
    }
}
