package dev.tarsspeedy.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;

/**
 * The service's meters, tagged by template. Templates the service does not know are tagged {@code unknown}, so a
 * producer's typo cannot create new time series. In Prometheus: {@code notification_email_sent_total},
 * {@code _failed_total}, {@code _retried_total}, {@code _dead_lettered_total}, {@code _duplicates_total} and the
 * timer {@code notification_email_send_seconds} (tag {@code outcome}: sent, failed, rejected).
 */
public final class DeliveryMetrics {

    public static final String SENT = "notification.email.sent";
    public static final String FAILED = "notification.email.failed";
    public static final String RETRIED = "notification.email.retried";
    public static final String DEAD_LETTERED = "notification.email.dead-lettered";
    public static final String DUPLICATES = "notification.email.duplicates";
    public static final String SEND = "notification.email.send";
    public static final String UNKNOWN_TEMPLATE = "unknown";

    /** Histogram buckets of the send timer: a handful, not the hundred of a percentile histogram per series. */
    private static final Duration[] SEND_BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final MeterRegistry registry;
    private final Set<String> templates;

    public DeliveryMetrics(MeterRegistry registry, Set<String> templates) {
        this.registry = registry;
        this.templates = Set.copyOf(templates);
        // Registered up front: a dashboard sees zeros instead of nothing, and rate() works from the first event.
        for (String template : this.templates) {
            for (String name : Set.of(SENT, FAILED, RETRIED, DEAD_LETTERED, DUPLICATES)) {
                counter(name, template);
            }
        }
        counter(DEAD_LETTERED, UNKNOWN_TEMPLATE);
    }

    public String tag(String template) {
        return templates.contains(template) ? template : UNKNOWN_TEMPLATE;
    }

    void sent(String template) {
        counter(SENT, tag(template)).increment();
    }

    void failed(String template) {
        counter(FAILED, tag(template)).increment();
    }

    void retried(String template) {
        counter(RETRIED, tag(template)).increment();
    }

    void duplicate(String template) {
        counter(DUPLICATES, tag(template)).increment();
    }

    void deadLettered(String template) {
        counter(DEAD_LETTERED, tag(template)).increment();
    }

    void sendTime(String template, String outcome, Duration duration) {
        Timer.builder(SEND)
                .description("Time the SMTP server took to accept (or refuse) one mail")
                .tag("template", tag(template))
                .tag("outcome", outcome)
                .serviceLevelObjectives(SEND_BUCKETS)
                .register(registry)
                .record(duration);
    }

    public double count(String name, String template) {
        return counter(name, tag(template)).count();
    }

    private Counter counter(String name, String template) {
        return Counter.builder(name)
                .description(description(name))
                .tag("template", template)
                .register(registry);
    }

    private static String description(String name) {
        return switch (name) {
            case SENT -> "Mails the SMTP server accepted";
            case FAILED -> "Send attempts that failed (retried, or dead-lettered when permanent or out of retries)";
            case RETRIED -> "Send attempts that repeat a failed or interrupted one";
            case DEAD_LETTERED -> "Requests parked on the dead-letter topic";
            case DUPLICATES -> "Requests skipped because their idempotency key was already sent";
            default -> name;
        };
    }
}
