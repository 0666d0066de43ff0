package dev.tarsspeedy.identity.keys;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where signing keys are kept, private parts encrypted with the data key. Calls join the caller's transaction. */
public interface SigningKeyRepository {

    /** Holds a lock for the rest of the transaction, so that one instance at a time rotates keys. */
    Mono<Void> lockForMaintenance();

    Flux<SigningKey> findUnretired();

    Mono<Void> insert(SigningKey key);

    Mono<Void> retire(String kid, Instant now);
}
