package dev.tarsspeedy.market.provider;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where each provider is reached: its own API when its key is configured, the local stand-in
 * ({@code MARKET_STAND_IN_URL}) otherwise, with one WARN line saying so. With {@code MARKET_REQUIRE_LIVE_PROVIDERS=true}
 * (production) a missing key stops the start-up with the variable's name instead: a silent fallback to made-up
 * prices must never reach users.
 */
@Component
public class ProviderSelection {

    private static final Logger log = LoggerFactory.getLogger(ProviderSelection.class);

    /** One provider's endpoint: its base URL and whether it is the real provider. */
    public record Endpoint(ProviderName provider, URI baseUrl, boolean live) {}

    private final Map<ProviderName, Endpoint> endpoints = new EnumMap<>(ProviderName.class);

    public ProviderSelection(ProvidersSettings settings, KisSettings kis, FscSettings fsc, FinnhubSettings finnhub) {
        select(settings, ProviderName.KIS, kis.hasKey(), kis.baseUrl(), missing(kis));
        select(settings, ProviderName.FSC, fsc.hasKey(), fsc.baseUrl(), fsc.hasKey() ? "" : "FSC_SERVICE_KEY");
        select(
                settings,
                ProviderName.FINNHUB,
                finnhub.hasKey(),
                finnhub.baseUrl(),
                finnhub.hasKey() ? "" : "FINNHUB_TOKEN");
    }

    private static String missing(KisSettings kis) {
        boolean noKey = kis.appKey() == null || kis.appKey().isBlank();
        boolean noSecret = kis.appSecret() == null || kis.appSecret().isBlank();
        return noKey && noSecret
                ? "KIS_APP_KEY and KIS_APP_SECRET"
                : noKey ? "KIS_APP_KEY" : noSecret ? "KIS_APP_SECRET" : "";
    }

    private void select(ProvidersSettings settings, ProviderName provider, boolean live, URI baseUrl, String variable) {
        if (live) {
            endpoints.put(provider, new Endpoint(provider, baseUrl, true));
            return;
        }
        if (settings.requireLive()) {
            throw new IllegalStateException(provider + " has no key: set " + variable
                    + " (MARKET_REQUIRE_LIVE_PROVIDERS=true forbids the stand-in)");
        }
        log.warn(
                "{} has no key ({} not set): its calls go to the stand-in at {}, whose prices are simulated",
                provider,
                variable,
                settings.standInUrl());
        endpoints.put(provider, new Endpoint(provider, settings.standInUrl(), false));
    }

    public Endpoint endpoint(ProviderName provider) {
        return endpoints.get(provider);
    }
}
