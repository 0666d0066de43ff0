package dev.tarsspeedy.platform.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for events. It is deliberately not the application's mapper: {@code spring.jackson.*} in one
 * service must not change what other services read.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Fields in declaration order: the JSON reads like the record.
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            // Instants as ISO-8601 text, e.g. "2026-11-21T09:30:00.123456Z".
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A producer may add a field within a version; older consumers ignore it.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Prices and amounts in payloads keep every digit when read as a tree.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
