package dev.tarsspeedy.platform.events.notes;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.platform.test.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: what is really on a topic, and records the library did not write. */
final class TopicContents {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private TopicContents() {}

    private static String bootstrapServers() {
        return Infrastructure.shared().kafka().bootstrapServers();
    }

    /**
     * Every record on every partition, from the beginning to the current end: what a new consumer group would read.
     * Assigning partitions directly (instead of joining a group) makes "the end" exact.
     */
    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return TopicReader.readAll(topic, new ByteArrayDeserializer(), READ_TIMEOUT);
    }

    /** The records of the topic with the key (a test's run id), in the order {@link #readAll} gives them. */
    static List<ConsumerRecord<String, byte[]>> withKey(String topic, String key) {
        return readAll(topic).stream()
                .filter(record -> key.equals(record.key()))
                .toList();
    }

    /** Sends raw values to one partition, in order, and waits for each acknowledgement. */
    static void send(String topic, int partition, String key, byte[]... values) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, partition, key, value))
                        .get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("could not send to " + topic, e);
        }
    }
}
