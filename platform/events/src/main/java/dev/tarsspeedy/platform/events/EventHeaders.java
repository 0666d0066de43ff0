package dev.tarsspeedy.platform.events;

/**
 * Kafka headers the outbox relay puts on every record, so tools and filters can see an event's id and type without
 * parsing its value. The envelope in the value stays the source of truth.
 */
public final class EventHeaders {

    /** The envelope's id, as text. */
    public static final String ID = "event-id";

    /** The envelope's type, e.g. {@code OrderPlaced}. */
    public static final String TYPE = "event-type";

    /** The envelope's version, as decimal text. */
    public static final String VERSION = "event-version";

    private EventHeaders() {}
}
