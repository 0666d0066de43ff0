package dev.tarsspeedy.alert.pricealert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How an alert behaves around its condition.
 *
 * @param mode fire once or re-arm
 * @param cooldown no second firing sooner than this after the last one (quote time)
 * @param hysteresisPercent how far back (percent of the line, or percentage points of a move) the price must move
 *     before a {@link AlertMode#REARM} alert is armed again
 * @param expiresAt after this instant the alert never fires; {@code null}: never expires
 * @param regularHoursOnly evaluate only quotes taken during the market's regular session
 */
public record AlertTerms(
        AlertMode mode, Duration cooldown, BigDecimal hysteresisPercent, Instant expiresAt, boolean regularHoursOnly) {

    public AlertTerms {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(hysteresisPercent, "hysteresisPercent");
        hysteresisPercent = Decimals.plain(hysteresisPercent);
    }

    public boolean expired(Instant at) {
        return expiresAt != null && !at.isBefore(expiresAt);
    }
}
