package dev.tarsspeedy.identity.throttle;

import dev.tarsspeedy.identity.crypto.SecretHasher;
import java.time.Duration;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Counts failed logins per account and per client IP address in Redis ({@link ThrottleSettings}). */
@Service
public class LoginThrottle {

    private final RateCounters counters;
    private final SecretHasher hasher;
    private final ThrottleSettings properties;

    public LoginThrottle(RateCounters counters, SecretHasher hasher, ThrottleSettings properties) {
        this.counters = counters;
        this.hasher = hasher;
        this.properties = properties;
    }

    /**
     * Completes when a login for this account from this address may be tried; fails with
     * {@link ThrottledException} otherwise.
     *
     * @param account the normalised address as entered (an unknown one is throttled all the same)
     */
    public Mono<Void> check(String account, String clientIp) {
        Mono<Duration> blocked = Mono.zip(counters.peek(accountKey(account)), counters.peek(ipKey(clientIp)))
                .map(counts -> {
                    Duration wait = Duration.ZERO;
                    if (counts.getT1().value() >= properties.maxFailuresPerAccount()) {
                        wait = longest(wait, counts.getT1().expiresIn());
                    }
                    if (counts.getT2().value() >= properties.maxFailuresPerIp()) {
                        wait = longest(wait, counts.getT2().expiresIn());
                    }
                    return wait;
                });
        return FailOpen.orElse(blocked, Duration.ZERO, "Login throttle")
                .flatMap(wait -> wait.isZero()
                        ? Mono.<Void>empty()
                        : Mono.error(new ThrottledException(ThrottledException.Kind.LOGIN, wait)));
    }

    public Mono<Void> recordFailure(String account, String clientIp) {
        Mono<Void> both = counters.increment(accountKey(account), properties.window())
                .then(counters.increment(ipKey(clientIp), properties.window()))
                .then();
        return FailOpen.orElse(both, null, "Login throttle");
    }

    public Mono<Void> recordSuccess(String account) {
        return FailOpen.orElse(counters.delete(accountKey(account)), null, "Login throttle");
    }

    private String accountKey(String account) {
        return "identity:login-failures:account:" + hasher.pseudonym("throttle-account", account);
    }

    private static String ipKey(String clientIp) {
        return "identity:login-failures:ip:" + clientIp;
    }

    private static Duration longest(Duration a, Duration b) {
        Duration positive = b.isPositive() ? b : Duration.ofSeconds(1);
        return a.compareTo(positive) >= 0 ? a : positive;
    }
}
