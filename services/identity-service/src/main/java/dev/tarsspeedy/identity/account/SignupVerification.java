package dev.tarsspeedy.identity.account;

import reactor.core.publisher.Mono;

/**
 * Sends a new account its verification code: issues the code and requests the email, inside the caller's
 * transaction. Implemented by the verification feature; defined here so that accounts do not depend on it.
 */
public interface SignupVerification {

    Mono<Void> sendCode(Account account);
}
