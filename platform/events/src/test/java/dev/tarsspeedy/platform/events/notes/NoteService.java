package dev.tarsspeedy.platform.events.notes;

import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Writes a note and its event in one transaction, the way every service uses the outbox. */
@Service
class NoteService {

    private final DatabaseClient database;
    private final OutboxWriter outbox;

    NoteService(DatabaseClient database, OutboxWriter outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    /** Stores the note and its {@code NoteWritten} event; returns the event. */
    @Transactional
    public Mono<EventEnvelope> write(UUID noteId, String text) {
        EventEnvelope event =
                EventEnvelope.of(NotesApplication.NOTE_WRITTEN, 1, noteId.toString(), new NoteWritten(noteId, text));
        return insert(noteId, text)
                .then(outbox.append(NotesApplication.NOTES_TOPIC, event))
                .thenReturn(event);
    }

    /** Writes both, then fails: the transaction must take both back. */
    @Transactional
    public Mono<EventEnvelope> writeThenFail(UUID noteId, String text) {
        return write(noteId, text).then(Mono.error(new IllegalStateException("failing after both writes")));
    }

    private Mono<Void> insert(UUID noteId, String text) {
        return database.sql("insert into note (id, text) values (:id, :text)")
                .bind("id", noteId)
                .bind("text", text)
                .fetch()
                .rowsUpdated()
                .then();
    }
}
