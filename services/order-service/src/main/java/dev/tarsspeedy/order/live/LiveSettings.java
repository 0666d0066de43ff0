package dev.tarsspeedy.order.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live stock over server-sent events, under {@code order.live}.
 *
 * @param pollInterval how often one shared poll per drop and instance reads the stock
 * @param heartbeat interval of comment lines that keep idle connections open
 */
@ConfigurationProperties("order.live")
public record LiveSettings(
        @DefaultValue("300ms") Duration pollInterval,
        @DefaultValue("15s") Duration heartbeat) {}
