package dev.tarsspeedy.market.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code market.providers.finnhub.*}: Finnhub (US quotes and the US symbol master).
 *
 * @param baseUrl the API's address ({@code FINNHUB_BASE_URL}); used only with a token
 * @param token the API token ({@code FINNHUB_TOKEN}); sent as {@code X-Finnhub-Token}
 * @param permits the budget ({@link BudgetSettings}): the free tier allows 60 calls a minute (HTTP 429 beyond);
 *     spread at about one a second, never more than 60 in any minute
 * @param per the budget's window
 * @param burst calls that may go back to back
 * @param maxWait how long a call may wait for a permit
 * @param backoff how long every Finnhub call pauses after a 429
 * @param timeout the longest one call waits for Finnhub's answer (the symbol master is several megabytes)
 */
@ConfigurationProperties("market.providers.finnhub")
public record FinnhubSettings(
        @DefaultValue("https://finnhub.io") URI baseUrl,
        String token,
        @DefaultValue("60") int permits,
        @DefaultValue("60s") Duration per,
        @DefaultValue("2") int burst,
        @DefaultValue("1500ms") Duration maxWait,
        @DefaultValue("60s") Duration backoff,
        @DefaultValue("30s") Duration timeout) {

    public FinnhubSettings {
        Objects.requireNonNull(baseUrl, "market.providers.finnhub.base-url (FINNHUB_BASE_URL)");
        new BudgetSettings(permits, per, burst, maxWait); // fails start-up on a budget that cannot hold
    }

    /** The budget these settings describe. */
    public BudgetSettings budget() {
        return new BudgetSettings(permits, per, burst, maxWait);
    }

    public boolean hasKey() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "FinnhubSettings[baseUrl=" + baseUrl + ", key=" + (hasKey() ? "set" : "none") + ", budget=" + budget()
                + "]";
    }
}
