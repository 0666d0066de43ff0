package dev.tarsspeedy.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import reactor.core.publisher.Mono;

/** The platform's job runner on a real Redis: locked across instances, failures counted and survived, time-limited. */
@RealInfrastructure(Infrastructure.Server.REDIS)
class ScheduledJobsIT {

    /** Runs of the slow locked job in progress right now, across both instances, and the most ever seen at once. */
    static final AtomicInteger inProgress = new AtomicInteger();

    static final AtomicInteger mostAtOnce = new AtomicInteger();
    static final AtomicInteger slowRuns = new AtomicInteger();
    static final AtomicInteger localRuns = new AtomicInteger();
    static final AtomicInteger failingRuns = new AtomicInteger();

    @Test
    void aLockedJobNeverRunsTwiceAtOnceAcrossInstancesAndALocalJobRunsOnEach() {
        String service = "jobs-" + UUID.randomUUID();
        try (var first = instance(service);
                var second = instance(service)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> slowRuns.get() >= 4 && localRuns.get() >= 6);
            assertThat(mostAtOnce).as("runs of the locked job at the same time").hasValue(1);
            // Each instance tried while the other held the lock, and said so in its timer.
            double skipped = skipped(first, "slow") + skipped(second, "slow");
            assertThat(skipped).isPositive();
            assertThat(count(first, "local", "success")).isPositive();
            assertThat(count(second, "local", "success")).isPositive();
        }
    }

    @Test
    void aFailingJobIsCountedAndKeepsItsSchedule() {
        try (var instance = instance("jobs-" + UUID.randomUUID())) {
            int before = failingRuns.get();
            await().atMost(Duration.ofSeconds(20)).until(() -> failingRuns.get() >= before + 3);
            assertThat(count(instance, "failing", "failure")).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aRunLongerThanItsLimitIsAFailure() {
        try (var instance = instance("jobs-" + UUID.randomUUID(), "--platform.scheduling.enabled=false")) {
            ScheduledJobs jobs = instance.getBean(ScheduledJobs.class);
            assertThat(jobs.runNow(jobs.job("too-slow"))).isEqualTo(ScheduledJobs.Outcome.FAILURE);
            assertThat(count(instance, "too-slow", "failure")).isEqualTo(1);
            assertThatThrownBy(() -> jobs.job("missing")).hasMessageContaining("too-slow");
        }
    }

    @Test
    void switchedOffNothingIsScheduledButAJobCanStillBeRunByHand() throws InterruptedException {
        try (var instance = instance("jobs-" + UUID.randomUUID(), "--platform.scheduling.enabled=false")) {
            int before = localRuns.get();
            Thread.sleep(500);
            assertThat(localRuns.get())
                    .as("no scheduled run while switched off")
                    .isEqualTo(before);
            ScheduledJobs jobs = instance.getBean(ScheduledJobs.class);
            assertThat(jobs.runNow(jobs.job("local"))).isEqualTo(ScheduledJobs.Outcome.SUCCESS);
            assertThat(localRuns.get()).isEqualTo(before + 1);
        }
    }

    @Test
    void aStoppedContextThatStartsAgainRunsItsJobsAgain() throws InterruptedException {
        // The test framework pauses a cached context it does not use (stop) and restarts it when a test needs it.
        try (var instance = instance("jobs-" + UUID.randomUUID())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> localRuns.get() > 0);
            instance.stop();
            Thread.sleep(200);
            int stopped = localRuns.get();
            Thread.sleep(300);
            assertThat(localRuns.get()).as("no run while stopped").isEqualTo(stopped);

            instance.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> localRuns.get() >= stopped + 3);
        }
    }

    @Test
    void twoJobsWithOneNameAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ScheduledJobs(
                        java.util.List.of(job("twin", true, Mono::empty), job("twin", false, Mono::empty)),
                        null,
                        null,
                        new SimpleMeterRegistry(),
                        Duration.ofMinutes(1),
                        false))
                .hasMessageContaining("twin");
    }

    private static double count(ConfigurableApplicationContext context, String job, String outcome) {
        var timer = context.getBean(MeterRegistry.class)
                .find("platform.jobs")
                .tag("job", job)
                .tag("outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private static double skipped(ConfigurableApplicationContext context, String job) {
        return count(context, job, "skipped");
    }

    private static ConfigurableApplicationContext instance(String service, String... arguments) {
        String[] all = new String[arguments.length + 1];
        all[0] = "--spring.application.name=" + service;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return new SpringApplicationBuilder(JobsApplication.class)
                .web(WebApplicationType.NONE)
                .run(all);
    }

    static ScheduledJob job(String name, boolean locked, java.util.function.Supplier<Mono<?>> work) {
        return job(name, locked, Duration.ofMillis(50), null, work);
    }

    static ScheduledJob job(
            String name,
            boolean locked,
            Duration period,
            Duration maxDuration,
            java.util.function.Supplier<Mono<?>> work) {
        return new ScheduledJob() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration period() {
                return period;
            }

            @Override
            public Mono<?> run() {
                return work.get();
            }

            @Override
            public boolean oncePerCluster() {
                return locked;
            }

            @Override
            public Duration maxDuration() {
                return maxDuration;
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({SchedulingAutoConfiguration.class, ScheduledJobsAutoConfiguration.class})
    static class JobsApplication {

        @Bean
        LettuceConnectionFactory redisConnectionFactory() {
            var redis = Infrastructure.shared().redis();
            return new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** Holds its lock 300 ms per run; both instances try every 50 ms. */
        @Bean
        ScheduledJob slow() {
            return job(
                    "slow",
                    true,
                    () -> Mono.fromRunnable(() -> {
                                int now = inProgress.incrementAndGet();
                                mostAtOnce.accumulateAndGet(now, Math::max);
                            })
                            .then(Mono.delay(Duration.ofMillis(300)))
                            .doFinally(signal -> {
                                inProgress.decrementAndGet();
                                slowRuns.incrementAndGet();
                            }));
        }

        @Bean
        ScheduledJob local() {
            return job("local", false, () -> Mono.fromRunnable(localRuns::incrementAndGet));
        }

        @Bean
        ScheduledJob failing() {
            return job(
                    "failing",
                    true,
                    () -> Mono.fromRunnable(failingRuns::incrementAndGet)
                            .then(Mono.error(new IllegalStateException("the database is away"))));
        }

        @Bean
        ScheduledJob tooSlow() {
            return job(
                    "too-slow",
                    true,
                    Duration.ofHours(1),
                    Duration.ofMillis(100),
                    () -> Mono.delay(Duration.ofSeconds(5)));
        }
    }
}
