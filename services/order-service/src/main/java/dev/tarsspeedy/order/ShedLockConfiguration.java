package dev.tarsspeedy.order;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.redis.spring.RedisLockProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * ShedLock's locks as Redis keys {@code job-lock:order-service:<job>}, until the platform starter provides the lock
 * provider for every service (then this class goes).
 */
@Configuration(proxyBeanMethods = false)
class ShedLockConfiguration {

    @Bean
    @ConditionalOnMissingBean(LockProvider.class)
    LockProvider lockProvider(RedisConnectionFactory connectionFactory) {
        return new RedisLockProvider.Builder(connectionFactory)
                .environment("order-service")
                .keyPrefix("job-lock")
                .build();
    }
}
