package dev.tarsspeedy.platform.scheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The locks behind {@link ScheduledJob}s that run once per cluster: ShedLock's Redis provider on the service's Redis.
 * Active when ShedLock's Redis provider is on the class path and the service has Redis;
 * {@code platform.scheduling.enabled=false} turns it off together with the schedule. The lock only saves work: every
 * job still changes state with conditional updates, so two runs at once stay correct (decision 0006).
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({LockProvider.class, RedisLockProvider.class, RedisConnectionFactory.class})
@ConditionalOnBean(RedisConnectionFactory.class)
@ConditionalOnProperty(prefix = "platform.scheduling", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SchedulingProperties.class)
public class SchedulingAutoConfiguration {

    /** Keys {@code job-lock:<service>:<job>}: services sharing one Redis never share a lock by accident. */
    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    LockProvider schedulerLockProvider(RedisConnectionFactory redis, Environment environment) {
        return new RedisLockProvider.Builder(redis)
                .environment(environment.getProperty("spring.application.name", "service"))
                .build();
    }
}
