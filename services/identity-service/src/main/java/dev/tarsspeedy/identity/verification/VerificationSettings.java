package dev.tarsspeedy.identity.verification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Emailed codes (sign-up verification and password reset).
 *
 * @param codeTtl how long a code is valid
 * @param maxAttempts wrong entries after which a code is dead and a new one must be requested
 */
@ConfigurationProperties("identity.verification")
public record VerificationSettings(
        @DefaultValue("10m") Duration codeTtl,
        @DefaultValue("5") int maxAttempts) {

    public VerificationSettings {
        if (!codeTtl.isPositive() || maxAttempts < 1) {
            throw new IllegalArgumentException("identity.verification: code-ttl must be positive, max-attempts >= 1");
        }
    }
}
