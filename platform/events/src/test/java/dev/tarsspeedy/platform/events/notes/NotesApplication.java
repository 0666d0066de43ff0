package dev.tarsspeedy.platform.events.notes;

import dev.tarsspeedy.platform.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/**
 * A small service on the events library: it writes notes and appends a {@code NoteWritten} event in the same
 * transaction, counts events idempotently and has a listener that fails on demand.
 */
@SpringBootApplication
public class NotesApplication {

    static final String NOTE_WRITTEN = "NoteWritten";
    // Constants, so listeners can name them; TopicsTest checks the scheme itself.
    static final String NOTES_TOPIC = "notes.note-written.v1";
    static final String COUNTED_TOPIC = "test.count-requested.v1";
    static final String CHECKED_TOPIC = "test.check-requested.v1";
    static final String BATCH_CHECKED_TOPIC = "test.batch-check-requested.v1";

    @Bean
    NewTopic notesTopic() {
        return TopicBuilder.name(NOTES_TOPIC).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic countedTopic() {
        return TopicBuilder.name(COUNTED_TOPIC).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic checkedTopic() {
        return TopicBuilder.name(CHECKED_TOPIC).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic batchCheckedTopic() {
        return TopicBuilder.name(BATCH_CHECKED_TOPIC).partitions(1).replicas(1).build();
    }

    @Bean
    NewTopic batchCheckedDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(BATCH_CHECKED_TOPIC))
                .partitions(1)
                .replicas(1)
                .build();
    }

    @Bean
    NewTopic checkedDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(CHECKED_TOPIC))
                .partitions(1)
                .replicas(1)
                .build();
    }
}
