package dev.tarsspeedy.identity.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed logins. A failure counts against the account (its address, whether or not it exists) and the
 * client's IP address; once either count reaches its limit, logins for it are refused with 429 until its window,
 * which starts at its first failure, has passed. A successful login clears the account's count.
 *
 * @param maxFailuresPerAccount failed logins per address and window
 * @param maxFailuresPerIp failed logins per client IP address and window
 * @param window how long failures are counted
 * @param emailCooldown the pause between two verification (or two password-reset) emails to one address
 */
@ConfigurationProperties("identity.throttle")
public record ThrottleSettings(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("20") int maxFailuresPerIp,
        @DefaultValue("15m") Duration window,
        @DefaultValue("60s") Duration emailCooldown) {

    public ThrottleSettings {
        if (maxFailuresPerAccount < 1 || maxFailuresPerIp < 1 || !window.isPositive() || !emailCooldown.isPositive()) {
            throw new IllegalArgumentException("identity.throttle: limits must be at least 1 and durations positive");
        }
    }
}
