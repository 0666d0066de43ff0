package dev.tarsspeedy.identity.verification;

import dev.tarsspeedy.identity.UserId;
import java.time.Instant;

/**
 * A code as stored: only its keyed hash, never the code.
 *
 * @param supersededAt when a newer code of the same purpose replaced it, else {@code null}
 */
public record VerificationCode(
        VerificationCodeId id,
        UserId userId,
        CodePurpose purpose,
        byte[] codeHash,
        Instant createdAt,
        Instant expiresAt,
        int failedAttempts,
        Instant consumedAt,
        Instant supersededAt) {

    /** The purpose string the code is hashed under: the code's own id, so equal codes never hash alike. */
    static String hashPurpose(VerificationCodeId codeId) {
        return "verification-code:" + codeId;
    }
}
