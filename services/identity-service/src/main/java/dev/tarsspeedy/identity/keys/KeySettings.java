package dev.tarsspeedy.identity.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signing-key rotation (see the README, "Signing keys").
 *
 * @param rotateAfter age of the newest key after which a new one is made
 * @param publishAhead how long a new key is published before it signs, so that every instance (and every JWKS
 *     cache) knows it before the first token it signed arrives; longer than {@code checkInterval}
 * @param retireAfter how long a key stays published after a newer key took over signing; at least the access-token
 *     lifetime, so every token it signed has expired by then
 * @param checkInterval how often each instance reloads the keys and rotates or retires them when due
 */
@ConfigurationProperties("identity.keys")
public record KeySettings(
        @DefaultValue("30d") Duration rotateAfter,
        @DefaultValue("10m") Duration publishAhead,
        @DefaultValue("1h") Duration retireAfter,
        @DefaultValue("1m") Duration checkInterval) {

    public KeySettings {
        if (!rotateAfter.isPositive()
                || publishAhead.isNegative()
                || !retireAfter.isPositive()
                || !checkInterval.isPositive()) {
            throw new IllegalArgumentException("identity.keys: durations must be positive");
        }
        if (publishAhead.compareTo(checkInterval) < 0) {
            throw new IllegalArgumentException("identity.keys.publish-ahead (" + publishAhead
                    + ") must be at least identity.keys.check-interval (" + checkInterval
                    + "): otherwise an instance may sign with a key another instance does not publish yet");
        }
    }
}
