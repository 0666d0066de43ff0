package dev.tarsspeedy.catalog.reminder.persistence;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * ShedLock for the scheduled jobs, with its locks in Redis (keys {@code job-lock:catalog-service:<name>}).
 * The platform starter is to provide the lock provider for every service; this one steps back when a
 * {@link LockProvider} bean exists already.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "5m")
class ReminderLockConfiguration {

    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    LockProvider redisLockProvider(RedisConnectionFactory connections) {
        return new RedisLockProvider(connections, "catalog-service");
    }
}
