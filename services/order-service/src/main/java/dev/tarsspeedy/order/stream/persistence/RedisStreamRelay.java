package dev.tarsspeedy.order.stream.persistence;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.sale.Drop;
import dev.tarsspeedy.order.sale.DropCatalog;
import dev.tarsspeedy.order.sale.persistence.DropKeys;
import dev.tarsspeedy.order.stream.RelaySettings;
import dev.tarsspeedy.order.stream.ReservationMade;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.EventHeaders;
import dev.tarsspeedy.platform.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves accepted reservations from each drop's Redis stream to Kafka, at least once: entries are read through the
 * consumer group {@value #GROUP} (so several instances share the work), sent with the idempotent producer, and
 * acknowledged (XACK, then XDEL) only after Kafka acknowledged them. Entries this relay read but could not send stay
 * pending and are sent again on the next round; entries of a relay that died are claimed by another after
 * {@code order.relay.claim-idle}. The streams relayed are those of every drop from the warm-up lead time before its
 * opening until {@code order.catalog.keep-after-close} after its end.
 */
@Component
class RedisStreamRelay implements SmartLifecycle {

    static final String GROUP = "relay";

    private static final Logger log = LoggerFactory.getLogger(RedisStreamRelay.class);

    private final StringRedisTemplate redis;
    private final KafkaTemplate<String, String> kafka;
    private final DropCatalog catalog;
    private final RelaySettings settings;
    private final Clock clock;
    private final String consumerName;
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastClaim = new ConcurrentHashMap<>();
    /**
     * Streams where this relay may hold entries it read and Kafka did not acknowledge (its pending entries): every
     * stream at first (a restart under the same name is not possible, names are random, but a claim is), then after a
     * failed send or a claim, until a read of the pending entries finds none.
     */
    private final Set<String> unsent = ConcurrentHashMap.newKeySet();

    private volatile boolean running;
    private volatile Thread thread;
    private Instant lastFailureLog = Instant.EPOCH;
    /** How long the oldest entry of the last round waited in Redis: the relay's lag, 0 when it had nothing to do. */
    private final AtomicLong lagMillis = new AtomicLong();

    private long roundLagMillis;

    RedisStreamRelay(
            StringRedisTemplate redis,
            @Qualifier(RelayConfiguration.RELAY_TEMPLATE) KafkaTemplate<String, String> kafka,
            DropCatalog catalog,
            RelaySettings properties,
            Clock clock,
            @Value("${spring.application.name:order-service}") String application,
            MeterRegistry meters) {
        this.redis = redis;
        this.kafka = kafka;
        this.catalog = catalog;
        this.settings = properties;
        this.clock = clock;
        this.consumerName = application + "-" + UUID.randomUUID();
        TimeGauge.builder("speedy.reservation.relay.lag", lagMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                .description("How long the oldest reservation of the relay's last round waited in Redis")
                .register(meters);
    }

    @Override
    public void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("reservation-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        Duration idle = settings.pollInterval();
        while (running) {
            try {
                if (relayAll() == 0) {
                    // Nothing moved: wait longer each empty round, up to idle-poll-interval. Each round asks Redis
                    // about
                    // every drop in its window, so at a steady 20 ms a few idle drops cost the service and Redis
                    // hundreds of calls a second; the first reservation of a burst waits at most the longer pause.
                    Thread.sleep(idle);
                    idle = min(idle.multipliedBy(2), settings.idlePollInterval());
                } else {
                    idle = settings.pollInterval();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                logFailure(e);
                try {
                    Thread.sleep(settings.pollInterval().multipliedBy(10));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round over every relevant drop; returns the entries acknowledged. */
    int relayAll() {
        int moved = 0;
        roundLagMillis = 0;
        for (Drop drop : catalog.relevant(clock.instant())) {
            try {
                moved += relay(drop.id());
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("NOGROUP")
                        || (e.getCause() != null
                                && String.valueOf(e.getCause().getMessage()).contains("NOGROUP"))) {
                    // Redis lost the stream (and its group): create it again at the next round.
                    groups.remove(DropKeys.of(drop.id()).stream());
                } else {
                    logFailure(e);
                }
            }
        }
        lagMillis.set(roundLagMillis);
        return moved;
    }

    private int relay(DropId drop) {
        String key = DropKeys.of(drop).stream();
        ensureGroup(key);
        claimAbandoned(key);
        Consumer me = Consumer.from(GROUP, consumerName);
        StreamReadOptions options = StreamReadOptions.empty().count(settings.batchSize());
        // First what this relay read before but Kafka did not acknowledge (only after a failed send or a claim: asking
        // every round doubled the idle calls), then new entries.
        List<MapRecord<String, Object, Object>> records = null;
        if (unsent.contains(key)) {
            records = redis.opsForStream().read(me, options, StreamOffset.create(key, ReadOffset.from("0")));
            if (records == null || records.isEmpty()) {
                unsent.remove(key);
            }
        }
        if (records == null || records.isEmpty()) {
            records = redis.opsForStream().read(me, options, StreamOffset.create(key, ReadOffset.lastConsumed()));
        }
        if (records == null || records.isEmpty()) {
            return 0;
        }
        // Until Kafka acknowledged them, these are this relay's pending entries.
        unsent.add(key);
        // A stream entry's id starts with the milliseconds at which Redis appended it.
        long now = clock.millis();
        for (MapRecord<String, Object, Object> record : records) {
            Long appended = record.getId().getTimestamp();
            if (appended != null) {
                roundLagMillis = Math.max(roundLagMillis, now - appended);
            }
        }
        List<RecordId> sent = send(drop, records);
        if (!sent.isEmpty()) {
            RecordId[] ids = sent.toArray(RecordId[]::new);
            redis.opsForStream().acknowledge(key, GROUP, ids);
            redis.opsForStream().delete(key, ids);
        }
        if (sent.size() == records.size()) {
            unsent.remove(key);
        }
        return sent.size();
    }

    private void ensureGroup(String key) {
        if (groups.contains(key)) {
            return;
        }
        unsent.add(key);
        try {
            redis.execute(
                    connection -> {
                        connection
                                .streamCommands()
                                .xGroupCreate(key.getBytes(StandardCharsets.UTF_8), GROUP, ReadOffset.from("0"), true);
                        return null;
                    },
                    true);
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("BUSYGROUP")
                    && (e.getCause() == null
                            || !String.valueOf(e.getCause().getMessage()).contains("BUSYGROUP"))) {
                throw e;
            }
        }
        groups.add(key);
    }

    /** Takes over entries another relay read and left unacknowledged for longer than claim-idle (it died). */
    private void claimAbandoned(String key) {
        Instant now = clock.instant();
        Instant last = lastClaim.get(key);
        if (last != null && now.isBefore(last.plus(settings.claimIdle().dividedBy(2)))) {
            return;
        }
        lastClaim.put(key, now);
        PendingMessages pending = redis.opsForStream().pending(key, GROUP, Range.unbounded(), settings.batchSize());
        if (pending == null || pending.isEmpty()) {
            return;
        }
        List<RecordId> abandoned = new ArrayList<>();
        for (PendingMessage message : pending) {
            if (!message.getConsumerName().equals(consumerName)
                    && message.getElapsedTimeSinceLastDelivery().compareTo(settings.claimIdle()) >= 0) {
                abandoned.add(message.getId());
            }
        }
        if (!abandoned.isEmpty()) {
            redis.opsForStream()
                    .claim(key, GROUP, consumerName, settings.claimIdle(), abandoned.toArray(RecordId[]::new));
            unsent.add(key);
            log.info("claimed {} reservations of {} left unsent by another relay", abandoned.size(), key);
        }
    }

    /** Sends the entries and waits for Kafka; returns the ids Kafka acknowledged. */
    private List<RecordId> send(DropId drop, List<MapRecord<String, Object, Object>> records) {
        List<RecordId> ids = new ArrayList<>();
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (MapRecord<String, Object, Object> record : records) {
            Map<Object, Object> fields = record.getValue();
            if (fields == null || fields.isEmpty()) {
                // Deleted while pending: nothing to send, just acknowledge.
                ids.add(record.getId());
                futures.add(CompletableFuture.completedFuture(null));
                continue;
            }
            ReservationMade reservation = reservation(drop, fields);
            EventEnvelope envelope = new EventEnvelope(
                    reservation.eventId(),
                    ReservationMade.TYPE,
                    ReservationMade.VERSION,
                    reservation.reservedAt(),
                    drop.toString(),
                    EventJson.mapper().valueToTree(reservation));
            ProducerRecord<String, String> message =
                    new ProducerRecord<>(ReservationMade.TOPIC, envelope.key(), envelope.toJson());
            message.headers().add(EventHeaders.ID, envelope.id().toString().getBytes(StandardCharsets.UTF_8));
            message.headers().add(EventHeaders.TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
            message.headers()
                    .add(
                            EventHeaders.VERSION,
                            Integer.toString(envelope.version()).getBytes(StandardCharsets.UTF_8));
            ids.add(record.getId());
            try {
                futures.add(kafka.send(message));
            } catch (RuntimeException e) {
                futures.add(CompletableFuture.failedFuture(e));
            }
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<RecordId> acknowledged = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(ids.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("Kafka did not acknowledge", e) : failure;
            }
        }
        if (failure != null) {
            logFailure(failure);
        }
        return acknowledged;
    }

    private static ReservationMade reservation(DropId drop, Map<Object, Object> fields) {
        return new ReservationMade(
                UUID.fromString(String.valueOf(fields.get("orderId"))),
                drop.value(),
                UUID.fromString(String.valueOf(fields.get("userId"))),
                Integer.parseInt(String.valueOf(fields.get("quantity"))),
                String.valueOf(fields.get("idempotencyKey")),
                Instant.ofEpochMilli(Long.parseLong(String.valueOf(fields.get("reservedAt")))),
                Instant.ofEpochMilli(Long.parseLong(String.valueOf(fields.get("expiresAt")))),
                blankToNull(fields.get("buyerEmail")),
                "ko".equals(String.valueOf(fields.get("locale"))) ? "ko" : "en");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Entries written before buy.lua carried contact details have none. */
    private static String blankToNull(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }

    private synchronized void logFailure(Exception e) {
        Instant now = Instant.now();
        if (now.isAfter(lastFailureLog.plusSeconds(30))) {
            lastFailureLog = now;
            log.warn("reservation relay: {} (entries stay in the stream and are sent again)", e.toString());
        }
    }
}
