package dev.tarsspeedy.platform.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Schedules the service's {@link ScheduledJob} beans ({@link ScheduledJobs}) on threads of their own ({@code job-*}),
 * so a slow job never delays the framework's own scheduled tasks. Off with {@code platform.scheduling.enabled=false}
 * (tests that run jobs by hand through {@link ScheduledJobs#runNow}).
 */
@AutoConfiguration(after = SchedulingAutoConfiguration.class)
@ConditionalOnClass(LockProvider.class)
@EnableConfigurationProperties(SchedulingProperties.class)
public class ScheduledJobsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ScheduledJobs scheduledJobs(
            ObjectProvider<ScheduledJob> jobs,
            ObjectProvider<LockProvider> locks,
            ObjectProvider<MeterRegistry> meters,
            SchedulingProperties properties) {
        var list = jobs.orderedStream().toList();
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(Math.max(1, Math.min(list.size(), properties.threads())));
        scheduler.setThreadNamePrefix("job-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        scheduler.initialize();
        return new ScheduledJobs(
                list,
                scheduler,
                locks.getIfAvailable(),
                meters.getIfAvailable(SimpleMeterRegistry::new),
                properties.lockAtMostFor(),
                properties.enabled());
    }
}
