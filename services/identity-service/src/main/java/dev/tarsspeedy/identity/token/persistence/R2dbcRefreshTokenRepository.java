package dev.tarsspeedy.identity.token.persistence;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.identity.token.RefreshToken;
import dev.tarsspeedy.identity.token.RefreshTokenId;
import dev.tarsspeedy.identity.token.RefreshTokenRepository;
import dev.tarsspeedy.identity.token.TokenFamilyId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Refresh tokens in {@code refresh_token}, as keyed hashes only. */
@Repository
class R2dbcRefreshTokenRepository implements RefreshTokenRepository {

    private final DatabaseClient database;

    R2dbcRefreshTokenRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> insert(RefreshToken token) {
        DatabaseClient.GenericExecuteSpec insert = database.sql(
                        "insert into refresh_token (id, user_id, family_id, parent_id, token_hash, issued_at,"
                                + " expires_at) values (:id, :userId, :familyId, :parentId, :tokenHash, :issuedAt,"
                                + " :expiresAt)")
                .bind("id", token.id().value())
                .bind("userId", token.userId().value())
                .bind("familyId", token.familyId().value())
                .bind("tokenHash", token.tokenHash())
                .bind("issuedAt", token.issuedAt())
                .bind("expiresAt", token.expiresAt());
        insert = token.parentId() == null
                ? insert.bindNull("parentId", UUID.class)
                : insert.bind("parentId", token.parentId().value());
        return insert.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<RefreshToken> findByHashForUpdate(byte[] tokenHash) {
        return database.sql("select id, user_id, family_id, parent_id, token_hash, issued_at, expires_at, rotated_at,"
                        + " revoked_at from refresh_token where token_hash = :tokenHash for update")
                .bind("tokenHash", tokenHash)
                .map(R2dbcRefreshTokenRepository::token)
                .one();
    }

    @Override
    public Mono<Void> markRotated(RefreshTokenId id, Instant now) {
        return database.sql("update refresh_token set rotated_at = :now where id = :id")
                .bind("now", now)
                .bind("id", id.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Long> revokeFamily(TokenFamilyId familyId, Instant now) {
        return database.sql("update refresh_token set revoked_at = :now where family_id = :familyId"
                        + " and revoked_at is null")
                .bind("now", now)
                .bind("familyId", familyId.value())
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Mono<Long> revokeAllOf(UserId userId, Instant now) {
        return database.sql("update refresh_token set revoked_at = :now where user_id = :userId"
                        + " and revoked_at is null")
                .bind("now", now)
                .bind("userId", userId.value())
                .fetch()
                .rowsUpdated();
    }

    private static RefreshToken token(Readable row) {
        UUID parentId = row.get("parent_id", UUID.class);
        return new RefreshToken(
                new RefreshTokenId(row.get("id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)),
                new TokenFamilyId(row.get("family_id", UUID.class)),
                parentId == null ? null : new RefreshTokenId(parentId),
                row.get("token_hash", byte[].class),
                row.get("issued_at", Instant.class),
                row.get("expires_at", Instant.class),
                row.get("rotated_at", Instant.class),
                row.get("revoked_at", Instant.class));
    }
}
