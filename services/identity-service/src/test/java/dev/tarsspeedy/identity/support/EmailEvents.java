package dev.tarsspeedy.identity.support;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.platform.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What is really on {@link EmailRequested#TOPIC}, read with a plain Kafka consumer (no group, every partition from
 * the beginning), as the notification service will read it. One consumer for the test JVM, used from the test
 * thread only.
 */
public final class EmailEvents {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static KafkaConsumer<String, byte[]> consumer;
    private static List<TopicPartition> partitions;
    private static final List<Email> seen = new ArrayList<>();

    private EmailEvents() {}

    /** One record: its key, its envelope and the payload read back as the contract. */
    public record Email(String key, EventEnvelope envelope, EmailRequested payload, Map<String, String> headers) {}

    /** Waits until at least {@code count} emails to the address are on the topic; returns them all, oldest first. */
    public static synchronized List<Email> await(String to, int count) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<Email> matching = to(to);
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " EmailRequested to " + to + " within " + TIMEOUT
                        + ", found " + matching.size());
            }
            poll(Duration.ofMillis(200));
        }
    }

    /** Every email to the address on the topic now (read to its current end). */
    public static synchronized List<Email> toNow(String to) {
        KafkaConsumer<String, byte[]> kafka = consumer();
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions, TIMEOUT);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(p -> kafka.position(p, TIMEOUT) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + EmailRequested.TOPIC + " to its end");
            }
            poll(Duration.ofMillis(100));
        }
        return to(to);
    }

    private static List<Email> to(String to) {
        return seen.stream().filter(email -> email.payload().to().equals(to)).toList();
    }

    private static void poll(Duration wait) {
        for (ConsumerRecord<String, byte[]> record : consumer().poll(wait)) {
            EventEnvelope envelope = EventEnvelope.fromJson(record.value());
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            seen.add(new Email(record.key(), envelope, envelope.payloadAs(EmailRequested.class), headers));
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        if (consumer == null) {
            KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    Infrastructure.shared().kafka().bootstrapServers(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ByteArrayDeserializer.class));
            partitions = created.partitionsFor(EmailRequested.TOPIC, TIMEOUT).stream()
                    .map(info -> new TopicPartition(EmailRequested.TOPIC, info.partition()))
                    .toList();
            created.assign(partitions);
            created.seekToBeginning(partitions);
            consumer = created;
        }
        return consumer;
    }
}
