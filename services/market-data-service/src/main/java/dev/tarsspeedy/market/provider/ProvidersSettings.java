package dev.tarsspeedy.market.provider;

import java.net.URI;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code market.providers.*}: what every provider shares (each provider's own settings are {@link KisSettings}, {@link
 * FscSettings} and {@link FinnhubSettings}).
 *
 * @param standInUrl where a provider without a key is reached ({@code MARKET_STAND_IN_URL}): the local stand-in
 * @param requireLive a provider without a key is a start-up error ({@code MARKET_REQUIRE_LIVE_PROVIDERS}; production)
 */
@ConfigurationProperties("market.providers")
public record ProvidersSettings(
        @DefaultValue("http://localhost:8091") URI standInUrl,
        @DefaultValue("false") boolean requireLive) {

    public ProvidersSettings {
        Objects.requireNonNull(standInUrl, "market.providers.stand-in-url (MARKET_STAND_IN_URL)");
    }
}
