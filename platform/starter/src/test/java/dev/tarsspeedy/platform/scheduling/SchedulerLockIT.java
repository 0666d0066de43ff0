package dev.tarsspeedy.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Two instances of one service run a locked job; it runs once. Another service's job of the same name is its own. */
@RealInfrastructure(Infrastructure.Server.REDIS)
class SchedulerLockIT {

    static final AtomicInteger RUNS = new AtomicInteger();

    @Test
    void aLockedJobRunsOnceAcrossInstancesAndLocksAreKeptApartByService() {
        RUNS.set(0);
        String service = "orders-" + UUID.randomUUID();
        try (var first = instance(service);
                var second = instance(service)) {
            assertThat(first.getBean(LockProvider.class)).isSameAs(first.getBean(LockProvider.class));
            await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.get() >= 1);
            // Both schedulers fire every 20 ms; the lock is held for at least 30 s after the one run.
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> RUNS.get() == 1);

            try (var otherService = instance("catalog-" + UUID.randomUUID())) {
                await().atMost(Duration.ofSeconds(10)).until(() -> RUNS.get() == 2);
            }
        }
        assertThat(RUNS).hasValue(2);
    }

    @Test
    void schedulingCanBeSwitchedOff() {
        try (var off = new SpringApplicationBuilder(LockedJobApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=off", "--platform.scheduling.enabled=false")) {
            assertThat(off.getBeanNamesForType(LockProvider.class)).isEmpty();
        }
    }

    private static ConfigurableApplicationContext instance(String service) {
        return new SpringApplicationBuilder(LockedJobApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.application.name=" + service);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(SchedulingAutoConfiguration.class)
    static class LockedJobApplication {

        @Bean
        LettuceConnectionFactory redisConnectionFactory() {
            var redis = Infrastructure.shared().redis();
            return new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        }

        @Bean
        LockedJob lockedJob() {
            return new LockedJob();
        }
    }

    static class LockedJob {

        @Scheduled(fixedDelay = 20)
        @SchedulerLock(name = "count", lockAtLeastFor = "PT30S")
        public void run() {
            RUNS.incrementAndGet();
        }
    }
}
