package dev.tarsspeedy.identity.verification.persistence;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.identity.verification.CodePurpose;
import dev.tarsspeedy.identity.verification.VerificationCode;
import dev.tarsspeedy.identity.verification.VerificationCodeId;
import dev.tarsspeedy.identity.verification.VerificationCodeRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Codes in {@code verification_code}, as keyed hashes only. */
@Repository
class R2dbcVerificationCodeRepository implements VerificationCodeRepository {

    private static final String COLUMNS =
            "id, user_id, purpose, code_hash, created_at, expires_at, failed_attempts," + " consumed_at, superseded_at";

    private final DatabaseClient database;

    R2dbcVerificationCodeRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> insert(VerificationCode code) {
        return database.sql("insert into verification_code (id, user_id, purpose, code_hash, created_at, expires_at,"
                        + " failed_attempts) values (:id, :userId, :purpose, :codeHash, :createdAt, :expiresAt,"
                        + " :failedAttempts)")
                .bind("id", code.id().value())
                .bind("userId", code.userId().value())
                .bind("purpose", code.purpose().name())
                .bind("codeHash", code.codeHash())
                .bind("createdAt", code.createdAt())
                .bind("expiresAt", code.expiresAt())
                .bind("failedAttempts", code.failedAttempts())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> supersedeLive(UserId userId, CodePurpose purpose, Instant now) {
        return database.sql("update verification_code set superseded_at = :now where user_id = :userId"
                        + " and purpose = :purpose and consumed_at is null and superseded_at is null")
                .bind("now", now)
                .bind("userId", userId.value())
                .bind("purpose", purpose.name())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<VerificationCode> findLiveForUpdate(UserId userId, CodePurpose purpose) {
        return database.sql("select " + COLUMNS + " from verification_code where user_id = :userId"
                        + " and purpose = :purpose and consumed_at is null and superseded_at is null"
                        + " order by created_at desc limit 1 for update")
                .bind("userId", userId.value())
                .bind("purpose", purpose.name())
                .map(R2dbcVerificationCodeRepository::code)
                .one();
    }

    @Override
    public Mono<Void> recordFailedAttempt(VerificationCodeId codeId) {
        return database.sql("update verification_code set failed_attempts = failed_attempts + 1 where id = :id")
                .bind("id", codeId.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> consume(VerificationCodeId codeId, Instant now) {
        return database.sql("update verification_code set consumed_at = :now where id = :id")
                .bind("now", now)
                .bind("id", codeId.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    private static VerificationCode code(Readable row) {
        Integer failed = row.get("failed_attempts", Integer.class);
        return new VerificationCode(
                new VerificationCodeId(row.get("id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)),
                CodePurpose.valueOf(row.get("purpose", String.class)),
                row.get("code_hash", byte[].class),
                row.get("created_at", Instant.class),
                row.get("expires_at", Instant.class),
                failed == null ? 0 : failed,
                row.get("consumed_at", Instant.class),
                row.get("superseded_at", Instant.class));
    }
}
