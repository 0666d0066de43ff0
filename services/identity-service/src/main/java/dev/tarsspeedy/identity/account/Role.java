package dev.tarsspeedy.identity.account;

/** What a user may do; carried in the access token's {@code roles} claim. */
public enum Role {
    USER,
    ADMIN
}
