package dev.tarsspeedy.identity.token;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.identity.crypto.SecretHasher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Opaque refresh tokens (256 random bits, URL-safe base64), stored as keyed hashes. Every method runs in the
 * caller's transaction.
 */
@Service
public class RefreshTokens {

    static final String HASH_PURPOSE = "refresh-token";
    private static final int BYTES = 32;

    private final RefreshTokenRepository repository;
    private final SecretHasher hasher;
    private final TokenSettings properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(
            RefreshTokenRepository repository, SecretHasher hasher, TokenSettings properties, Clock clock) {
        this.repository = repository;
        this.hasher = hasher;
        this.properties = properties;
        this.clock = clock;
    }

    /** What presenting a token led to. */
    sealed interface Exchange {

        /** The token was valid: it is rotated and {@code next} replaces it. */
        record Rotated(UserId userId, String next) implements Exchange {}

        /** An already rotated token: its family has just been revoked. */
        record Reused() implements Exchange {}

        record Invalid() implements Exchange {}
    }

    /** Starts a new family (a login) and returns its first token. */
    Mono<String> startFamily(UserId userId) {
        return Mono.defer(() -> issue(userId, TokenFamilyId.random(), null, clock.instant()));
    }

    /** Exchanges a token for the next of its family, or revokes the family when the token was already exchanged. */
    Mono<Exchange> exchange(String presented) {
        return repository
                .findByHashForUpdate(hasher.hash(HASH_PURPOSE, presented))
                .flatMap(token -> {
                    Instant now = clock.instant();
                    if (token.revokedAt() != null) {
                        return Mono.<Exchange>just(new Exchange.Invalid());
                    }
                    if (token.rotatedAt() != null) {
                        return repository.revokeFamily(token.familyId(), now).thenReturn(new Exchange.Reused());
                    }
                    if (!now.isBefore(token.expiresAt())) {
                        return Mono.<Exchange>just(new Exchange.Invalid());
                    }
                    return repository
                            .markRotated(token.id(), now)
                            .then(issue(token.userId(), token.familyId(), token.id(), now))
                            .map(next -> (Exchange) new Exchange.Rotated(token.userId(), next));
                })
                .defaultIfEmpty(new Exchange.Invalid());
    }

    /** Revokes the family of the token, if the token exists. */
    Mono<Void> revokeFamilyOf(String presented) {
        return repository
                .findByHashForUpdate(hasher.hash(HASH_PURPOSE, presented))
                .flatMap(token -> repository.revokeFamily(token.familyId(), clock.instant()))
                .then();
    }

    /** Revokes every refresh token of the user (password reset). */
    public Mono<Void> revokeAllOf(UserId userId) {
        return Mono.defer(() -> repository.revokeAllOf(userId, clock.instant()).then());
    }

    private Mono<String> issue(UserId userId, TokenFamilyId familyId, RefreshTokenId parentId, Instant now) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        RefreshToken stored = new RefreshToken(
                RefreshTokenId.random(),
                userId,
                familyId,
                parentId,
                hasher.hash(HASH_PURPOSE, token),
                now,
                now.plus(properties.refreshTokenTtl()),
                null,
                null);
        return repository.insert(stored).thenReturn(token);
    }
}
