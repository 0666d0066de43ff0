package dev.tarsspeedy.identity.token;

/** The password is right but the address has not been verified yet. */
public final class AccountNotVerifiedException extends RuntimeException {

    public AccountNotVerifiedException() {
        super("account not verified");
    }
}
