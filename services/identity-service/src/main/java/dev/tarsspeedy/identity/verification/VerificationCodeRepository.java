package dev.tarsspeedy.identity.verification;

import dev.tarsspeedy.identity.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where codes are kept. Every call joins the caller's transaction. */
public interface VerificationCodeRepository {

    Mono<Void> insert(VerificationCode code);

    /** Marks the user's live codes of this purpose as replaced: a new one is being issued. */
    Mono<Void> supersedeLive(UserId userId, CodePurpose purpose, Instant now);

    /** The user's live (neither consumed nor superseded) code of this purpose, locked until the transaction ends. */
    Mono<VerificationCode> findLiveForUpdate(UserId userId, CodePurpose purpose);

    Mono<Void> recordFailedAttempt(VerificationCodeId codeId);

    Mono<Void> consume(VerificationCodeId codeId, Instant now);
}
