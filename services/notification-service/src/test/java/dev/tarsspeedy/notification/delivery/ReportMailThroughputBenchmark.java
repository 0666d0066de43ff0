package dev.tarsspeedy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.contracts.notification.EmailRequested;
import dev.tarsspeedy.contracts.notification.EmailRequested.Category;
import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.mail.MailServer;
import dev.tarsspeedy.notification.support.Models;
import dev.tarsspeedy.notification.support.NotificationTestBase;
import dev.tarsspeedy.notification.support.Requests;
import dev.tarsspeedy.platform.events.EventEnvelope;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import reactor.core.publisher.Flux;

/**
 * The mail half of the report benchmark ({@code bench/reports/run}, docs/benchmarks.md): {@code bench.mails} report
 * mails (100,000 by default) waiting on Kafka as the report job leaves them, then the notification service started on
 * them; measures the time until every mail is in the SMTP server's mailbox, beside the raw rate of the same SMTP server
 * measured in the same run (the service's own SMTP sender handing one pre-rendered report mail over and over, as many
 * at a time as the service sends: no Kafka, no delivery log, no rendering). Not an IT: it runs only when named
 * ({@code -Dit.test=ReportMailThroughputBenchmark}).
 *
 * <p>The mailbox is emptied as the mail comes in (the server's {@link MailServer#received() count} goes on), so
 * 100,000 decoded mails are never held at once.
 */
class ReportMailThroughputBenchmark extends NotificationTestBase {

    private static final int PURGE_EVERY = 5_000;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    EmailRenderer renderer;

    @Autowired
    EmailSender sender;

    @Autowired
    DeliverySettings settings;

    @Test
    void reportMailsFromKafkaToTheMailbox() throws IOException {
        int mails = Integer.getInteger("bench.mails", 100_000);
        int rawMails = Integer.getInteger("bench.raw-mails", Math.min(mails, 20_000));
        MailServer smtp = Infrastructure.shared().mail();
        String run = run();
        double loadAtStart = loadAverage();

        // 1. The SMTP server's own rate for this mail, through the service's sender.
        RenderedEmail content = renderer.render(request(run + "-raw", 0));
        long rawBefore = smtp.received();
        long rawStart = System.nanoTime();
        Flux.range(0, rawMails)
                .flatMap(
                        i -> sender.send(new OutgoingEmail(
                                address(run + "-raw", i),
                                content,
                                "<raw-" + run + "-" + i + "@bench.tars-speedy.dev>",
                                unsubscribeUrl(run, i))),
                        settings.concurrency())
                .blockLast(Duration.ofMinutes(30));
        awaitReceived(smtp, rawBefore + rawMails, Duration.ofMinutes(5));
        Duration raw = Duration.ofNanos(System.nanoTime() - rawStart);
        mailbox().clear();

        // 2. The service: every request on Kafka first, the listener stopped, then started on all of them.
        MessageListenerContainer listener = listeners.getListenerContainer("email-requested");
        assertThat(listener).as("the EmailRequested listener").isNotNull();
        listener.stop();
        long produceStart = System.nanoTime();
        for (int from = 0; from < mails; from += 10_000) {
            List<EventEnvelope> batch = new ArrayList<>();
            for (int i = from; i < Math.min(mails, from + 10_000); i++) {
                batch.add(Requests.envelope(request(run, i)));
            }
            Requests.sendAll(TOPIC, batch);
        }
        Duration produce = Duration.ofNanos(System.nanoTime() - produceStart);

        long before = smtp.received();
        long start = System.nanoTime();
        listener.start();
        awaitReceived(smtp, before + mails, Duration.ofMinutes(60));
        Duration service = Duration.ofNanos(System.nanoTime() - start);

        // Nothing more arrives (no mail twice), and the delivery log has every one of them SENT.
        sleep(Duration.ofSeconds(3));
        assertThat(smtp.received() - before).as("mails in the mailbox").isEqualTo(mails);
        long sentRows = database.sql("select count(*) as n from email_delivery where idempotency_key like :keys"
                        + " and state = 'SENT'")
                .bind("keys", "report:" + run + "-%")
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(30));
        assertThat(sentRows)
                .as("SENT rows in the delivery log (email_delivery)")
                .isEqualTo(mails);
        mailbox().clear();

        String report = String.format(
                Locale.ROOT,
                """
                Report mail benchmark: %,d report mails (3 stocks, 3 inline charts each), %d sent at a time
                  %-40s %8.1f s %12.0f mails/s
                  %-40s %8.1f s %12.0f mails/s
                  %-40s %8.1f s %12.0f mails/s
                  load average (1 min) at start %.1f, at end %.1f, on %d cores
                """,
                mails,
                settings.concurrency(),
                "raw SMTP (%,d, one rendered mail)".formatted(rawMails),
                seconds(raw),
                rawMails / seconds(raw),
                "requests onto Kafka (not the service)",
                seconds(produce),
                mails / seconds(produce),
                "service: Kafka to every mail in mailbox",
                seconds(service),
                mails / seconds(service),
                loadAtStart,
                loadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println(report);
        Files.writeString(Path.of("target", "bench-mails.txt"), report);
    }

    /** The i-th user's report, as the report job requests it: half in Korean, half in English. */
    private static EmailRequested request(String run, int i) {
        return new EmailRequested(
                "report:" + run + "-" + i + ":2026-12-07T08:30:00Z",
                "stock-report",
                i % 2 == 0 ? "ko" : "en",
                address(run, i),
                Models.stockReport(),
                Category.BULK,
                unsubscribeUrl(run, i));
    }

    private static String address(String run, int i) {
        return "bench-" + run + "-" + i + "@example.com";
    }

    private static String unsubscribeUrl(String run, int i) {
        return "https://tars.example/api/reports/schedules/" + run + "-" + i + "/unsubscribe?token=t" + i;
    }

    /** Waits until the server has received {@code total} mails, emptying the mailbox on the way. */
    private static void awaitReceived(MailServer smtp, long total, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long purgedAt = smtp.received();
        while (smtp.received() < total) {
            assertThat(System.nanoTime() - deadline)
                    .as("%d of %d mails after %s", smtp.received(), total, timeout)
                    .isNegative();
            if (smtp.received() - purgedAt >= PURGE_EVERY) {
                purgedAt = smtp.received();
                mailbox().clear();
            }
            sleep(Duration.ofMillis(20));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The machine's load: a figure measured beside other work says so. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
