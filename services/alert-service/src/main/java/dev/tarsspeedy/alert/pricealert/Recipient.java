package dev.tarsspeedy.alert.pricealert;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Who the alert mail goes to, as the token said when the alert was made.
 *
 * @param email {@code null} when the token had no usable address: the alert fires into the history only
 * @param language {@code ko} or {@code en}
 * @param zone the zone of the times in the mail
 */
public record Recipient(String email, String language, ZoneId zone) {

    public Recipient {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
    }
}
