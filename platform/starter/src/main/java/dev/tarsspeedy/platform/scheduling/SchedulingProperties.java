package dev.tarsspeedy.platform.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.scheduling.*}.
 *
 * @param enabled scheduled jobs and their locks; off in a component that must not run jobs
 * @param lockAtMostFor how long a lock outlives an instance that died holding it, and how long a run may take,
 *     unless a job says otherwise
 * @param threads the most scheduled jobs of one service that run at the same time
 */
@ConfigurationProperties("platform.scheduling")
public record SchedulingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT5M") Duration lockAtMostFor,
        @DefaultValue("2") int threads) {}
