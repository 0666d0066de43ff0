package dev.tarsspeedy.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.Infrastructure.Server;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@RealInfrastructure(Server.KAFKA)
class KafkaServerIT {

    @Test
    void producesAndConsumesThroughAConsumerGroup(KafkaServer kafka) throws Exception {
        // A topic and groups of this run alone, so the test also runs again and again against an external cluster.
        String run = UUID.randomUUID().toString();
        String topic = "orders.order-placed.v1." + run;
        String writers = "order-writer-" + run;
        String audit = "audit-" + run;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                produceAndConsume(kafka, topic, writers, audit);
            } finally {
                admin.deleteConsumerGroups(List.of(writers, audit)).all().get(30, TimeUnit.SECONDS);
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void produceAndConsume(KafkaServer kafka, String topic, String writers, String audit)
            throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>(topic, "drop-" + (i % 3), "order-" + i))
                        .get(30, TimeUnit.SECONDS);
            }
        }

        List<String> firstRun = consume(kafka, topic, writers, 30);
        assertThat(firstRun).hasSize(30).containsExactlyInAnyOrderElementsOf(expectedOrders());

        // The group committed its offsets: a new member of the same group gets nothing again.
        List<String> secondRun = consume(kafka, topic, writers, 0);
        assertThat(secondRun).isEmpty();

        // Another group reads the topic from the start on its own.
        assertThat(consume(kafka, topic, audit, 30)).containsExactlyInAnyOrderElementsOf(expectedOrders());
    }

    private static List<String> expectedOrders() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add("order-" + i);
        }
        return expected;
    }

    /** Polls until {@code expected} records arrived (or, for 0, for a few seconds), committing as it goes. */
    private static List<String> consume(KafkaServer kafka, String topic, String group, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(Set.of(topic));
            long deadline = System.nanoTime()
                    + Duration.ofSeconds(expected == 0 ? 5 : 60).toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || values.size() < expected)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                consumer.commitSync();
            }
        }
        return values;
    }
}
