package dev.tarsspeedy.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.tarsspeedy.infra.InfraSettings;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.process.NetworkPorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** A broker taken away and brought back (an outage, or a local stack restarted) keeps its port and its data. */
class KafkaRestartIT {

    @Test
    void comesBackOnTheSamePortWithItsRecords() throws Exception {
        try (Infrastructure infrastructure = Infrastructure.create(InfraSettings.forTests())) {
            KafkaServer kafka = infrastructure.kafka();
            assumeFalse(kafka.isExternal(), "Kafka is external: it cannot be stopped from here");
            String bootstrap = kafka.bootstrapServers();
            send(bootstrap, "before-outage");

            kafka.stop();
            assertThat(kafka.processes()).isEmpty();
            assertThat(NetworkPorts.isOpen("127.0.0.1", port(bootstrap))).isFalse();

            kafka.start();
            assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
            send(bootstrap, "after-outage");

            assertThat(readAll(bootstrap, 2)).containsExactly("before-outage", "after-outage");
        }
    }

    private static int port(String bootstrap) {
        return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    }

    private static void send(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // One key: one partition, so the order of the two records is kept.
            producer.send(new ProducerRecord<>("restart-check", "key", value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(String bootstrap, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "restart-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(Set.of("restart-check"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
