package dev.tarsspeedy.alert.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.alert.support.AlertTestBase;
import dev.tarsspeedy.contracts.notification.EmailRequested;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The report benchmark ({@code bench/reports/run}, docs/benchmarks.md): {@code bench.schedules} schedules (100,000 by
 * default) due in the same minute, each user watching three stocks; measures the report job until every report's
 * {@code EmailRequested} is in the outbox, and until the relay has them all on Kafka (acknowledged). Not an IT: it
 * runs only when named ({@code -Dit.test=ReportThroughputBenchmark}).
 */
class ReportThroughputBenchmark extends AlertTestBase {

    @Autowired
    ReportService reports;

    @Autowired
    ReportSettings settings;

    @Test
    void schedulesDueInTheSameMinute() throws IOException {
        int schedules = Integer.getInteger("bench.schedules", 100_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant occurrence = clock.instant().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
        String time = DateTimeFormatter.ofPattern("HH:mm").format(occurrence.atZone(ZoneOffset.UTC));

        long setup = System.nanoTime();
        database.sql("insert into report_schedule (id, user_id, email, locale, name, times, weekdays, zone, markets,"
                        + " skip_market_holidays, holiday_notice, paused, next_run_at, last_run_at, unsubscribe_token,"
                        + " created_at, updated_at)"
                        + " select gen_random_uuid(), gen_random_uuid(), 'bench-' || :run || '-' || g || '@example.com',"
                        + " case when g % 2 = 0 then 'ko' else 'en' end, '', array[cast(:time as text)], 127, 'UTC',"
                        + " array['KRX', 'US'], false, false, false, :occurrence, null, :run || '-' || g, now(), now()"
                        + " from generate_series(1, :n) g")
                .bind("run", run)
                .bind("time", time)
                .bind("occurrence", occurrence)
                .bind("n", schedules)
                .fetch()
                .rowsUpdated()
                .block();
        database.sql("insert into watchlist_entry (user_id, symbol, market, position, added_at)"
                        + " select r.user_id, s.symbol, s.market, s.position, now() from report_schedule r"
                        + " cross join (values ('005930', 'KRX', 0), ('AAPL', 'US', 1), ('000660', 'KRX', 2))"
                        + " as s(symbol, market, position) where r.unsubscribe_token like :run || '-%'")
                .bind("run", run)
                .fetch()
                .rowsUpdated()
                .block();
        Duration setupTime = Duration.ofNanos(System.nanoTime() - setup);
        int quoteCalls = MARKET.calls("quotes");
        int historyCalls = MARKET.calls("history");

        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long start = System.nanoTime();
        long sent = reports.sendDue().block(Duration.ofMinutes(30));
        Duration toOutbox = Duration.ofNanos(System.nanoTime() - start);
        // The relay marks a row published once Kafka acknowledged it.
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
        Duration toKafka = Duration.ofNanos(System.nanoTime() - start);

        long requested = count(
                "select count(*) from outbox_event where topic = :topic and event_key like :pattern",
                "topic",
                EmailRequested.TOPIC,
                "pattern",
                "bench-" + run + "-%");
        String table = String.format(
                """
                Report benchmark: %,d schedules due in the same minute, 3 stocks each
                  job: %d claimers x batches of %d (FOR UPDATE SKIP LOCKED), one transaction per batch
                  setup (SQL, not timed)                  %8.1f s
                  all EmailRequested in the outbox        %8.1f s   %,10.0f reports/s
                  all EmailRequested on Kafka (acked)     %8.1f s   %,10.0f reports/s
                  market-data calls: quotes %d, history %d
                  load average (1 min) at start %.1f, at end %.1f, on %d cores
                """,
                schedules,
                settings.claimers(),
                settings.batchSize(),
                setupTime.toMillis() / 1000.0,
                toOutbox.toMillis() / 1000.0,
                schedules / Math.max(0.001, toOutbox.toMillis() / 1000.0),
                toKafka.toMillis() / 1000.0,
                schedules / Math.max(0.001, toKafka.toMillis() / 1000.0),
                MARKET.calls("quotes") - quoteCalls,
                MARKET.calls("history") - historyCalls,
                loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println(table);
        Path out = Path.of("target", "bench-reports.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);

        assertThat(sent).isGreaterThanOrEqualTo(schedules);
        assertThat(requested).isEqualTo(schedules);
    }
}
