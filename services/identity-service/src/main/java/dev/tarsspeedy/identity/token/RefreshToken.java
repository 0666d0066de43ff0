package dev.tarsspeedy.identity.token;

import dev.tarsspeedy.identity.UserId;
import java.time.Instant;

/**
 * A refresh token as stored: only its keyed hash. Tokens form families: a login starts one, every refresh adds a
 * child and marks its parent rotated. Presenting a rotated token again means it was copied: the family is revoked.
 *
 * @param parentId the token this one replaced, {@code null} for the first of a family
 * @param rotatedAt when it was exchanged for its child, or {@code null}
 * @param revokedAt when its family was revoked (logout, reuse, password reset), or {@code null}
 */
public record RefreshToken(
        RefreshTokenId id,
        UserId userId,
        TokenFamilyId familyId,
        RefreshTokenId parentId,
        byte[] tokenHash,
        Instant issuedAt,
        Instant expiresAt,
        Instant rotatedAt,
        Instant revokedAt) {}
