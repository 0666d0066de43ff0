package dev.tarsspeedy.platform.events.topics;

import dev.tarsspeedy.platform.events.Topics;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
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
     * A bean of compacted event topics ({@code cleanup.policy=compact}): for events that carry a key's whole state, so
     * that reading the topic from the start gives every key's latest state however long the topic has lived.
     */
    public static KafkaAdmin.NewTopics compacted(String... topics) {
        return new KafkaAdmin.NewTopics(compactedTopics(topics).toArray(NewTopic[]::new));
    }

    /** The topics {@link #compacted} declares. */
    static List<NewTopic> compactedTopics(String... names) {
        return Arrays.stream(names)
                .map(name -> TopicBuilder.name(Topics.requireValid(name))
                        .partitions(PARTITIONS)
                        .compact()
                        .build())
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
