package dev.tarsspeedy.platform.events.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.platform.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class EventTopicsTest {

    @Test
    void eventTopicsGetThePlatformsPartitionsAndDeadLetterTopicsOne() {
        String topic = Topics.name("orders", "OrderPaid", 1);

        assertThat(EventTopics.topics(topic, Topics.deadLetter(topic)))
                .extracting(NewTopic::name, NewTopic::numPartitions)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("orders.order-paid.v1", 3),
                        org.assertj.core.groups.Tuple.tuple("orders.order-paid.v1.dlt", 1));
    }

    @Test
    void compactedTopicsKeepEachKeysLatestRecordOnThePlatformsPartitions() {
        String topic = Topics.name("alert", "SymbolInterestChanged", 1);

        assertThat(EventTopics.compactedTopics(topic)).singleElement().satisfies(declared -> {
            assertThat(declared.name()).isEqualTo("alert.symbol-interest-changed.v1");
            assertThat(declared.numPartitions()).isEqualTo(3);
            assertThat(declared.configs()).containsEntry("cleanup.policy", "compact");
        });
        assertThatThrownBy(() -> EventTopics.compacted("alert/interest")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNameKafkaRefusesIsRefusedAtStartUp() {
        assertThatThrownBy(() -> EventTopics.of("orders/paid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders/paid");
    }
}
