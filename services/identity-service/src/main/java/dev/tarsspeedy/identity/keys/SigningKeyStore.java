package dev.tarsspeedy.identity.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The signing keys, from the database, kept in memory. {@link #maintain()} (at start and every
 * {@code check-interval}) makes the first key, rotates and retires keys when due and reloads; a token naming a key
 * this instance does not know yet makes it reload at once (at most every few seconds).
 */
@Service
public class SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final long RELOAD_ON_MISS_NANOS = Duration.ofSeconds(5).toNanos();

    private final SigningKeyRepository repository;
    private final TransactionalOperator transaction;
    private final KeyPolicy policy;
    private final Clock clock;
    private final AtomicLong lastReloadOnMiss = new AtomicLong(System.nanoTime() - RELOAD_ON_MISS_NANOS);
    private volatile List<SigningKey> keys = List.of();

    public SigningKeyStore(
            SigningKeyRepository repository, TransactionalOperator transaction, KeySettings properties, Clock clock) {
        this.repository = repository;
        this.transaction = transaction;
        this.policy = new KeyPolicy(properties);
        this.clock = clock;
    }

    /** Creates, rotates and retires keys as the policy says (one instance at a time), then reloads. */
    public Mono<Void> maintain() {
        Mono<List<SigningKey>> work = repository
                .lockForMaintenance()
                .then(repository.findUnretired().collectList())
                .flatMap(current -> {
                    Instant now = clock.instant();
                    KeyPolicy.Plan plan = policy.plan(current, now);
                    Mono<Void> retire = Flux.fromIterable(plan.retire())
                            .concatMap(kid -> {
                                log.info("Retiring signing key {}: tokens it signed have expired", kid);
                                return repository.retire(kid, now);
                            })
                            .then();
                    Mono<Void> create = plan.newKeyActiveFrom()
                            .map(activeFrom -> Mono.fromCallable(() -> RsaKeys.generate(now, activeFrom))
                                    .subscribeOn(Schedulers.boundedElastic())
                                    .flatMap(key -> {
                                        log.info("New signing key {}, signing from {}", key.kid(), activeFrom);
                                        return repository.insert(key);
                                    }))
                            .orElse(Mono.empty());
                    return retire.then(create).then(repository.findUnretired().collectList());
                });
        return transaction.transactional(work).doOnNext(this::replace).then();
    }

    /** Reloads the keys from the database. */
    public Mono<Void> reload() {
        return repository.findUnretired().collectList().doOnNext(this::replace).then();
    }

    /** The key that signs now; makes the first key if there is none yet. */
    public Mono<SigningKey> signingKey() {
        return Mono.defer(() -> {
            Optional<SigningKey> current = KeyPolicy.signing(keys, clock.instant());
            return current.map(Mono::just)
                    .orElseGet(() -> maintain()
                            .then(Mono.fromSupplier(() -> KeyPolicy.signing(keys, clock.instant()))
                                    .flatMap(Mono::justOrEmpty))
                            .switchIfEmpty(Mono.error(new IllegalStateException("no active signing key"))));
        });
    }

    /** Every published (not retired) key, newest first. */
    public List<SigningKey> published() {
        return keys.stream()
                .sorted((a, b) -> b.activeFrom().compareTo(a.activeFrom()))
                .toList();
    }

    /** A published key by id; a key unknown here makes this instance reload first (rate-limited). */
    public Mono<SigningKey> find(String kid) {
        return Mono.defer(() -> {
            if (kid == null) {
                return Mono.empty();
            }
            Optional<SigningKey> known = lookup(kid);
            if (known.isPresent()) {
                return Mono.just(known.get());
            }
            long now = System.nanoTime();
            long last = lastReloadOnMiss.get();
            if (now - last < RELOAD_ON_MISS_NANOS || !lastReloadOnMiss.compareAndSet(last, now)) {
                return Mono.empty();
            }
            return reload().then(Mono.defer(() -> Mono.justOrEmpty(lookup(kid))));
        });
    }

    private Optional<SigningKey> lookup(String kid) {
        return keys.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    private void replace(List<SigningKey> loaded) {
        keys = List.copyOf(loaded);
    }
}
