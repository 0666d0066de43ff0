package dev.tarsspeedy.identity.keys.persistence;

import dev.tarsspeedy.identity.crypto.FieldCipher;
import dev.tarsspeedy.identity.keys.RsaKeys;
import dev.tarsspeedy.identity.keys.SigningKey;
import dev.tarsspeedy.identity.keys.SigningKeyRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keys in {@code signing_key}: the public part as X.509 DER, the private part as PKCS #8 DER encrypted with the data
 * key (AES-GCM, bound to the key's id).
 */
@Repository
class R2dbcSigningKeyRepository implements SigningKeyRepository {

    /** An arbitrary constant: the advisory lock that serialises key maintenance across instances. */
    private static final long MAINTENANCE_LOCK = 0x1D_E7_17_4BL;

    private final DatabaseClient database;
    private final FieldCipher cipher;

    R2dbcSigningKeyRepository(DatabaseClient database, FieldCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public Mono<Void> lockForMaintenance() {
        return database.sql("select pg_advisory_xact_lock(:lock)")
                .bind("lock", MAINTENANCE_LOCK)
                .fetch()
                .first()
                .then();
    }

    @Override
    public Flux<SigningKey> findUnretired() {
        return database.sql("select kid, public_key, private_key_encrypted, created_at, active_from, retired_at"
                        + " from signing_key where retired_at is null order by active_from")
                .map(this::key)
                .all();
    }

    @Override
    public Mono<Void> insert(SigningKey key) {
        return database.sql("insert into signing_key (kid, algorithm, public_key, private_key_encrypted, created_at,"
                        + " active_from) values (:kid, 'RS256', :publicKey, :privateKey, :createdAt, :activeFrom)")
                .bind("kid", key.kid())
                .bind("publicKey", key.publicKey().getEncoded())
                .bind("privateKey", cipher.encrypt(key.privateKey().getEncoded(), context(key.kid())))
                .bind("createdAt", key.createdAt())
                .bind("activeFrom", key.activeFrom())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Void> retire(String kid, Instant now) {
        return database.sql("update signing_key set retired_at = :now where kid = :kid and retired_at is null")
                .bind("now", now)
                .bind("kid", kid)
                .fetch()
                .rowsUpdated()
                .then();
    }

    private static String context(String kid) {
        return "signing_key.private_key:" + kid;
    }

    private SigningKey key(Readable row) {
        String kid = row.get("kid", String.class);
        return new SigningKey(
                kid,
                RsaKeys.publicKey(row.get("public_key", byte[].class)),
                RsaKeys.privateKey(cipher.decrypt(row.get("private_key_encrypted", byte[].class), context(kid))),
                row.get("created_at", Instant.class),
                row.get("active_from", Instant.class),
                row.get("retired_at", Instant.class));
    }
}
