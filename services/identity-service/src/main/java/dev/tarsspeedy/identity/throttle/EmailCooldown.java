package dev.tarsspeedy.identity.throttle;

import dev.tarsspeedy.identity.crypto.SecretHasher;
import java.time.Duration;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * At most one email of a kind (verification code, password reset) per address and {@code email-cooldown}. The
 * cooldown applies to every address, known or not, so it reveals nothing about which accounts exist.
 */
@Service
public class EmailCooldown {

    private final RateCounters counters;
    private final SecretHasher hasher;
    private final ThrottleSettings properties;

    public EmailCooldown(RateCounters counters, SecretHasher hasher, ThrottleSettings properties) {
        this.counters = counters;
        this.hasher = hasher;
        this.properties = properties;
    }

    /** Completes when an email of this kind may go to the address now; fails with {@link ThrottledException}. */
    public Mono<Void> acquire(String kind, String address) {
        String key = "identity:email-cooldown:" + kind + ":" + hasher.pseudonym("cooldown-" + kind, address);
        return FailOpen.orElse(counters.startCooldown(key, properties.emailCooldown()), Duration.ZERO, "Email cooldown")
                .flatMap(left -> left.isZero()
                        ? Mono.<Void>empty()
                        : Mono.error(new ThrottledException(ThrottledException.Kind.EMAIL, left)));
    }
}
