package dev.tarsspeedy.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Mono;

/**
 * Locks are per service: two instances of one service never run a job at once, while another service's job of the
 * same name runs beside them (keys {@code job-lock:<service>:<job>}).
 */
@RealInfrastructure(Infrastructure.Server.REDIS)
class SchedulerLockIT {

    /** Runs in progress per service, and the most seen at once per service and overall. */
    static final Map<String, AtomicInteger> IN_PROGRESS = new ConcurrentHashMap<>();

    static final Map<String, AtomicInteger> MOST_PER_SERVICE = new ConcurrentHashMap<>();
    static final AtomicInteger ALL_IN_PROGRESS = new AtomicInteger();
    static final AtomicInteger MOST_OVERALL = new AtomicInteger();

    @Test
    void aLockedJobRunsOnceAcrossInstancesAndLocksAreKeptApartByService() {
        String orders = "orders-" + UUID.randomUUID();
        String catalog = "catalog-" + UUID.randomUUID();
        try (var first = instance(orders);
                var second = instance(orders);
                var other = instance(catalog)) {
            assertThat(first.getBean(LockProvider.class)).isNotSameAs(second.getBean(LockProvider.class));
            await().atMost(Duration.ofSeconds(20)).until(() -> MOST_OVERALL.get() >= 2 && runs(orders) >= 3);
            assertThat(MOST_PER_SERVICE.get(orders))
                    .as("runs of one service's job at once")
                    .hasValue(1);
            assertThat(MOST_PER_SERVICE.get(catalog)).hasValue(1);
        }
    }

    @Test
    void schedulingCanBeSwitchedOff() {
        try (var off = new SpringApplicationBuilder(LockedJobApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=off", "--platform.scheduling.enabled=false")) {
            assertThat(off.getBeanNamesForType(LockProvider.class)).isEmpty();
        }
    }

    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    private static int runs(String service) {
        return RUNS.getOrDefault(service, new AtomicInteger()).get();
    }

    private static ConfigurableApplicationContext instance(String service) {
        return new SpringApplicationBuilder(LockedJobApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=" + service);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({SchedulingAutoConfiguration.class, ScheduledJobsAutoConfiguration.class})
    static class LockedJobApplication {

        @Bean
        LettuceConnectionFactory redisConnectionFactory() {
            var redis = Infrastructure.shared().redis();
            return new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        }

        /** Holds the lock 400 ms per run and is tried every 20 ms by each instance. */
        @Bean
        ScheduledJob count(Environment environment) {
            String service = environment.getProperty("spring.application.name");
            return ScheduledJobsIT.job(
                    "count",
                    true,
                    Duration.ofMillis(20),
                    null,
                    () -> Mono.fromRunnable(() -> {
                                int mine = IN_PROGRESS
                                        .computeIfAbsent(service, name -> new AtomicInteger())
                                        .incrementAndGet();
                                MOST_PER_SERVICE
                                        .computeIfAbsent(service, name -> new AtomicInteger())
                                        .accumulateAndGet(mine, Math::max);
                                MOST_OVERALL.accumulateAndGet(ALL_IN_PROGRESS.incrementAndGet(), Math::max);
                            })
                            .then(Mono.delay(Duration.ofMillis(400)))
                            .doFinally(signal -> {
                                IN_PROGRESS.get(service).decrementAndGet();
                                ALL_IN_PROGRESS.decrementAndGet();
                                RUNS.computeIfAbsent(service, name -> new AtomicInteger())
                                        .incrementAndGet();
                            }));
        }
    }
}
