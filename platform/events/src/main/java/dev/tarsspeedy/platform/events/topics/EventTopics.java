package dev.tarsspeedy.platform.events.topics;

import dev.tarsspeedy.platform.events.Topics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service writes or reads, declared the one way every service does: created at start-up where the
 * brokers do not create topics themselves, an existing topic left as it is (never shrunk). Several services declare
 * the same topic (whichever starts first creates it), so the partition count is the platform's, not each service's:
 * {@value #PARTITIONS} for an event topic, one for a dead-letter topic, which only people read.
 */
public final class EventTopics {

    /** Partitions of an event topic: keys spread over up to this many consumer threads. */
    public static final int PARTITIONS = 3;

    private EventTopics() {}

    /** A bean of these topics, e.g. {@code EventTopics.of(OrderPaid.TOPIC, Topics.deadLetter(OrderPaid.TOPIC))}. */
    public static KafkaAdmin.NewTopics of(String... topics) {
        return new KafkaAdmin.NewTopics(topics(topics).toArray(NewTopic[]::new));
    }

    /**
     * A bean of compacted topics ({@code cleanup.policy=compact}): for topics keyed by an entity whose every event is
     * the entity's whole state, so the latest event per key is all a consumer reading from the start needs.
     */
    public static KafkaAdmin.NewTopics compacted(String... topics) {
        return new KafkaAdmin.NewTopics(compactedTopics(topics).toArray(NewTopic[]::new));
    }

    /** The topics {@link #compacted} declares. */
    static List<NewTopic> compactedTopics(String... names) {
        return Arrays.stream(names)
                .map(name -> {
                    NewTopic topic = topic(name);
                    return topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                })
                .toList();
    }

    /** The topics {@link #of} declares. */
    static List<NewTopic> topics(String... names) {
        return Arrays.stream(names).map(EventTopics::topic).toList();
    }

    private static NewTopic topic(String name) {
        Topics.requireValid(name);
        return TopicBuilder.name(name)
                .partitions(name.endsWith(Topics.DEAD_LETTER_SUFFIX) ? 1 : PARTITIONS)
                .build();
    }
}
