package dev.tarsspeedy.identity.verification;

import dev.tarsspeedy.identity.account.Account;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Emails a code to its account, the only mail this service sends. The request is stored with the caller's
 * transaction and published after it commits; it fails outside a transaction.
 */
public interface CodeEmails {

    /** One email per code ({@code codeId}), however often the request is delivered. */
    Mono<Void> send(Account account, CodePurpose purpose, VerificationCodeId codeId, String code, Duration validFor);
}
