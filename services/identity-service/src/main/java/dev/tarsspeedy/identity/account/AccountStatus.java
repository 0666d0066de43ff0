package dev.tarsspeedy.identity.account;

/** Where an account is in its life. */
public enum AccountStatus {
    /** Signed up; the emailed code has not been entered yet. Cannot log in. */
    PENDING_VERIFICATION,
    /** The address is verified. */
    ACTIVE
}
