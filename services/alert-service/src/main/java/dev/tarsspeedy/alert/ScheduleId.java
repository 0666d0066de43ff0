package dev.tarsspeedy.alert;

import java.util.Objects;
import java.util.UUID;

/** A report schedule's id. */
public record ScheduleId(UUID value) {

    public ScheduleId {
        Objects.requireNonNull(value, "value");
    }

    public static ScheduleId of(String text) {
        return new ScheduleId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
