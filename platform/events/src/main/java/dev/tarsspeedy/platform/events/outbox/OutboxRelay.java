package dev.tarsspeedy.platform.events.outbox;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventHeaders;
import dev.tarsspeedy.platform.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka: at least once, oldest first, never the same row by two relays at the same time.
 *
 * <p>Every poll interval it takes up to a batch of unpublished rows with {@code FOR UPDATE SKIP LOCKED} (another
 * instance's relay skips them), sends each to its topic with the envelope's key, waits for Kafka's acknowledgement and
 * marks the acknowledged rows published, all in one database transaction. A full batch is followed at once by the
 * next. Rows whose send fails stay unpublished and go again on a later poll, so a broker outage only delays events.
 *
 * <p>Nothing here blocks an event-loop thread: database calls are R2DBC, and {@code KafkaTemplate.send} (which can
 * wait up to {@code max.block.ms} for metadata) runs on the bounded-elastic scheduler.
 */
public final class OutboxRelay implements SmartLifecycle {

    /**
     * How the relay works.
     *
     * @param pollInterval pause between polls when the outbox is drained or publishing fails
     * @param batchSize rows taken per database transaction
     * @param sendTimeout Kafka's {@code delivery.timeout.ms}; the relay gives up waiting a little after it
     * @param backlogRefreshInterval how often the pending-rows gauges are recounted
     * @param retention published rows older than this are deleted; zero keeps them
     * @param cleanupInterval how often the deletion runs
     * @param erasePayloadOnPublish whether a row's payload is replaced by {@code {}} in the statement that marks it
     *     published, so that secrets in events (codes, names) stay in the database only until Kafka has them
     */
    public record Settings(
            Duration pollInterval,
            int batchSize,
            Duration sendTimeout,
            Duration backlogRefreshInterval,
            Duration retention,
            Duration cleanupInterval,
            boolean erasePayloadOnPublish) {

        public Settings {
            requirePositive(pollInterval, "pollInterval");
            requirePositive(sendTimeout, "sendTimeout");
            requirePositive(backlogRefreshInterval, "backlogRefreshInterval");
            requirePositive(cleanupInterval, "cleanupInterval");
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative()) {
                throw new IllegalArgumentException("retention must not be negative: " + retention);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
            }
        }

        /** Settings that keep published payloads until the retention deletes their rows. */
        public Settings(
                Duration pollInterval,
                int batchSize,
                Duration sendTimeout,
                Duration backlogRefreshInterval,
                Duration retention,
                Duration cleanupInterval) {
            this(pollInterval, batchSize, sendTimeout, backlogRefreshInterval, retention, cleanupInterval, false);
        }

        private static void requirePositive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
        }
    }

    /**
     * What one batch did: rows taken, rows published (acknowledged and marked), rows whose send failed. When the
     * broker is out of reach the batch stops at the first failure, so the rest were not tried.
     */
    public record BatchResult(int selected, int published, int failed) {}

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Kafka completes every send within delivery.timeout.ms; this only guards against a future that never does. */
    private static final Duration SEND_WAIT_MARGIN = Duration.ofSeconds(5);

    private static final Duration FAILURE_LOG_QUIET_PERIOD = Duration.ofSeconds(30);

    private static final String SELECT_BATCH = """
            select id, topic, event_key, type, version, occurred_at, payload
            from outbox_event
            where published_at is null
            order by created_at, id
            limit :limit
            for update skip locked
            """;
    private static final String MARK_PUBLISHED =
            "update outbox_event set published_at = clock_timestamp() where id = any(:ids)";
    /** The same, and the payload gone with it: in the batch's transaction, so no committed state has both. */
    private static final String MARK_PUBLISHED_AND_ERASE =
            "update outbox_event set published_at = clock_timestamp(), payload = '{}'::jsonb where id = any(:ids)";

    private static final String COUNT_BACKLOG =
            "select count(*) as pending, min(created_at) as oldest from outbox_event where published_at is null";
    private static final String DELETE_PUBLISHED_BEFORE = "delete from outbox_event where published_at < :cutoff";

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, String> kafka;
    private final Settings settings;
    private final Clock clock;
    private final OutboxMetrics metrics;
    private final RelayFailureLog failures;

    private final Object lifecycle = new Object();
    private volatile boolean running;
    private Disposable loop;
    private Sinks.Empty<Void> stopSignal;
    private CountDownLatch stopped = new CountDownLatch(0);
    private volatile Instant nextBacklogRefresh = Instant.MIN;
    private volatile Instant nextCleanup = Instant.MIN;

    public OutboxRelay(
            DatabaseClient database,
            TransactionalOperator transactions,
            KafkaTemplate<String, String> kafka,
            MeterRegistry meterRegistry,
            Clock clock,
            Settings settings) {
        this.database = Objects.requireNonNull(database, "database");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = new OutboxMetrics(meterRegistry, clock);
        this.failures = new RelayFailureLog(log, clock, FAILURE_LOG_QUIET_PERIOD);
    }

    /**
     * Publishes up to one batch now, in one transaction. The running relay calls this on its schedule; a test or a
     * service with the schedule disabled can call it directly.
     */
    public Mono<BatchResult> publishBatch() {
        Mono<Published> batch = Mono.defer(() -> database.sql(SELECT_BATCH)
                .bind("limit", settings.batchSize())
                .map(OutboxRelay::row)
                .all()
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(Published.NONE) : publish(rows)));
        // The operator emits only after the commit, so nothing is counted as published that was rolled back.
        return transactions.transactional(batch).defaultIfEmpty(Published.NONE).map(this::afterCommit);
    }

    /** Deletes published rows older than the retention; returns how many. Zero retention deletes nothing. */
    public Mono<Long> cleanUp() {
        if (settings.retention().isZero()) {
            return Mono.just(0L);
        }
        return Mono.defer(() -> database.sql(DELETE_PUBLISHED_BEFORE)
                .bind("cutoff", clock.instant().minus(settings.retention()))
                .fetch()
                .rowsUpdated());
    }

    /** Recounts unpublished rows for the {@code events.outbox.pending} and {@code events.outbox.oldest.age} gauges. */
    public Mono<Void> refreshBacklog() {
        return Mono.defer(() -> database.sql(COUNT_BACKLOG)
                .map(row -> new Backlog(
                        Objects.requireNonNullElse(row.get("pending", Long.class), 0L),
                        row.get("oldest", Instant.class)))
                .one()
                .doOnNext(backlog -> metrics.backlog(backlog.pending(), backlog.oldest()))
                .then());
    }

    private Mono<Published> publish(List<OutboxRow> rows) {
        return send(rows).flatMap(outcomes -> {
            UUID[] acknowledged = outcomes.stream()
                    .filter(outcome -> outcome.error() == null)
                    .map(outcome -> outcome.row().id())
                    .toArray(UUID[]::new);
            Published published = new Published(rows.size(), outcomes);
            if (acknowledged.length == 0) {
                return Mono.just(published);
            }
            return database.sql(settings.erasePayloadOnPublish() ? MARK_PUBLISHED_AND_ERASE : MARK_PUBLISHED)
                    .bind("ids", acknowledged)
                    .fetch()
                    .rowsUpdated()
                    .thenReturn(published);
        });
    }

    /** Sends every row, stopping early when the broker is unreachable, and waits for each acknowledgement. */
    private Mono<List<Outcome>> send(List<OutboxRow> rows) {
        return Mono.fromCallable(() -> issue(rows))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable)
                .concatMap(pending -> Mono.fromFuture(pending.future(), true)
                        .timeout(settings.sendTimeout().plus(SEND_WAIT_MARGIN))
                        .map(sent -> new Outcome(pending.row(), null))
                        .onErrorResume(error -> Mono.just(new Outcome(pending.row(), error))))
                .collectList()
                // Acknowledgements complete on the producer's network thread: continue elsewhere.
                .publishOn(Schedulers.parallel());
    }

    /** Hands the records to the producer in order, which keeps them in order per partition. */
    private List<Pending> issue(List<OutboxRow> rows) {
        List<Pending> pending = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            ProducerRecord<String, String> record;
            try {
                record = record(row);
            } catch (RuntimeException e) {
                // A row no envelope can be made of (written by hand?) must not hold up the others.
                pending.add(new Pending(row, CompletableFuture.failedFuture(e)));
                continue;
            }
            CompletableFuture<SendResult<String, String>> future;
            try {
                future = kafka.send(record);
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            pending.add(new Pending(row, future));
            if (waitedForMetadataInVain(future)) {
                // No metadata within max.block.ms: the broker is out of reach, and every further send would wait just
                // as long. (Other immediate failures, a record too large say, concern that record only.)
                break;
            }
        }
        return pending;
    }

    private static boolean waitedForMetadataInVain(CompletableFuture<?> future) {
        if (!future.isCompletedExceptionally() || future.isCancelled()) {
            return false;
        }
        for (Throwable cause = future.exceptionNow(); cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static ProducerRecord<String, String> record(OutboxRow row) {
        EventEnvelope envelope = new EventEnvelope(
                row.id(),
                row.type(),
                row.version(),
                row.occurredAt(),
                row.key(),
                EventJson.mapper().readTree(row.payload()));
        ProducerRecord<String, String> record =
                new ProducerRecord<>(row.topic(), null, envelope.key(), envelope.toJson());
        record.headers()
                .add(EventHeaders.ID, utf8(envelope.id().toString()))
                .add(EventHeaders.TYPE, utf8(envelope.type()))
                .add(EventHeaders.VERSION, utf8(Integer.toString(envelope.version())));
        return record;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static OutboxRow row(Readable row) {
        return new OutboxRow(
                row.get("id", UUID.class),
                row.get("topic", String.class),
                row.get("event_key", String.class),
                row.get("type", String.class),
                Objects.requireNonNull(row.get("version", Integer.class)),
                row.get("occurred_at", Instant.class),
                row.get("payload", String.class));
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            stopSignal = Sinks.empty();
            CountDownLatch done = new CountDownLatch(1);
            stopped = done;
            Mono<Void> pause =
                    Mono.firstWithSignal(Mono.delay(settings.pollInterval()).then(), stopSignal.asMono());
            loop = cycle().then(pause)
                    .repeat(() -> running)
                    .doFinally(signal -> done.countDown())
                    .subscribe(null, error -> log.error("Outbox relay stopped by an unexpected error", error));
            log.info(
                    "Outbox relay started: every {} up to {} rows, send timeout {}{}",
                    settings.pollInterval(),
                    settings.batchSize(),
                    settings.sendTimeout(),
                    settings.erasePayloadOnPublish() ? ", payloads erased once published" : "");
        }
    }

    /** One poll: batches until the outbox is drained or a send fails, then the periodic housekeeping. */
    private Mono<Void> cycle() {
        return Mono.defer(this::publishBatch)
                .repeat()
                .takeUntil(result -> result.selected() < settings.batchSize() || result.failed() > 0 || !running)
                .then()
                .onErrorResume(error -> {
                    failures.failed(0, error);
                    return Mono.empty();
                })
                // Deferred: whether the housekeeping is due is decided anew at every poll.
                .then(Mono.defer(this::housekeeping))
                .onErrorResume(error -> {
                    log.error("Outbox relay poll failed unexpectedly", error);
                    return Mono.empty();
                });
    }

    private BatchResult afterCommit(Published published) {
        Map<String, int[]> byTopic = new LinkedHashMap<>();
        Throwable firstError = null;
        int failed = 0;
        for (Outcome outcome : published.outcomes()) {
            int[] counts = byTopic.computeIfAbsent(outcome.row().topic(), topic -> new int[2]);
            if (outcome.error() == null) {
                counts[0]++;
            } else {
                counts[1]++;
                failed++;
                firstError = firstError == null ? outcome.error() : firstError;
            }
        }
        byTopic.forEach((topic, counts) -> {
            if (counts[0] > 0) {
                metrics.published(topic, counts[0]);
            }
            if (counts[1] > 0) {
                metrics.failed(topic, counts[1]);
            }
        });
        if (firstError != null) {
            failures.failed(failed, firstError);
        } else {
            failures.succeeded();
        }
        return new BatchResult(published.selected(), published.outcomes().size() - failed, failed);
    }

    private Mono<Void> housekeeping() {
        Instant now = clock.instant();
        Mono<Void> backlog = Mono.empty();
        if (!now.isBefore(nextBacklogRefresh)) {
            nextBacklogRefresh = now.plus(settings.backlogRefreshInterval());
            backlog = refreshBacklog().onErrorResume(error -> {
                log.debug("Outbox backlog count failed", error);
                return Mono.empty();
            });
        }
        Mono<Void> cleanup = Mono.empty();
        if (!settings.retention().isZero() && !now.isBefore(nextCleanup)) {
            nextCleanup = now.plus(settings.cleanupInterval());
            cleanup = cleanUp()
                    .doOnNext(deleted -> {
                        if (deleted > 0) {
                            log.info("Deleted {} published outbox rows older than {}", deleted, settings.retention());
                        }
                    })
                    .onErrorResume(error -> {
                        log.warn("Outbox cleanup failed; it runs again in {}", settings.cleanupInterval(), error);
                        return Mono.empty();
                    })
                    .then();
        }
        return backlog.then(cleanup);
    }

    @Override
    public void stop() {
        CountDownLatch done = signalStop();
        try {
            if (!done.await(settings.sendTimeout().plus(SEND_WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS)) {
                forceStop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forceStop();
        }
    }

    @Override
    public void stop(Runnable callback) {
        CountDownLatch done = signalStop();
        // The batch in flight finishes (or times out) first, so no acknowledged record is left unmarked.
        Thread.ofVirtual().name("outbox-relay-stop").start(() -> {
            try {
                if (!done.await(settings.sendTimeout().plus(SEND_WAIT_MARGIN).toMillis(), TimeUnit.MILLISECONDS)) {
                    forceStop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                forceStop();
            } finally {
                callback.run();
            }
        });
    }

    private CountDownLatch signalStop() {
        synchronized (lifecycle) {
            if (running) {
                running = false;
                stopSignal.tryEmitEmpty();
                log.info("Outbox relay stopping");
            }
            return stopped;
        }
    }

    private void forceStop() {
        synchronized (lifecycle) {
            if (loop != null) {
                loop.dispose();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record OutboxRow(
            UUID id, String topic, String key, String type, int version, Instant occurredAt, String payload) {}

    private record Pending(OutboxRow row, CompletableFuture<SendResult<String, String>> future) {}

    private record Outcome(OutboxRow row, Throwable error) {}

    private record Published(int selected, List<Outcome> outcomes) {

        static final Published NONE = new Published(0, List.of());
    }

    private record Backlog(long pending, Instant oldest) {}
}
