package dev.tarsspeedy.identity.token;

import dev.tarsspeedy.identity.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Where refresh tokens are kept. Calls join the caller's transaction. */
public interface RefreshTokenRepository {

    Mono<Void> insert(RefreshToken token);

    /** The token with this hash, locked until the transaction ends. */
    Mono<RefreshToken> findByHashForUpdate(byte[] tokenHash);

    Mono<Void> markRotated(RefreshTokenId id, Instant now);

    /** Revokes every token of the family not revoked yet; the number revoked. */
    Mono<Long> revokeFamily(TokenFamilyId familyId, Instant now);

    /** Revokes every token of the user not revoked yet; the number revoked. */
    Mono<Long> revokeAllOf(UserId userId, Instant now);
}
