package dev.tarsspeedy.gateway.soldout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Answering the flood after a sell-out from the gateway's memory ({@link SoldOutAnswers}).
 *
 * @param enabled whether the gateway remembers sold-out answers at all ({@code false}: every attempt reaches the
 *     order service; the order service's header is still not passed on)
 * @param path the buy path, with the drop id as its one variable
 * @param maxAge the longest the gateway repeats an answer, whatever the order service allows
 * @param maxEntries how many (drop, language) answers it keeps at most
 */
@ConfigurationProperties("gateway.sold-out")
public record SoldOutSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("/api/drops/{dropId}/orders") String path,
        @DefaultValue("5s") Duration maxAge,
        @DefaultValue("10000") int maxEntries) {}
