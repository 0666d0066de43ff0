package dev.tarsspeedy.market.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code market.providers.fsc.*}: the Financial Services Commission's stock price services on data.go.kr (KRX
 * end-of-day prices, daily history, listings).
 *
 * @param baseUrl the API's address ({@code FSC_BASE_URL}); used only with a key
 * @param serviceKey the decoded service key ({@code FSC_SERVICE_KEY}); sent URL-encoded, so a {@code +} survives
 * @param permits the budget ({@link BudgetSettings}): data.go.kr's development keys allow 10,000 calls a day
 *     (resultCode 22 beyond)
 * @param per the budget's window
 * @param burst calls that may go back to back
 * @param maxWait how long a call may wait for a permit
 * @param backoff how long every FSC call pauses after resultCode 22
 * @param timeout the longest one call waits for FSC's answer
 * @param lookBack how far back a quote looks for the last published day (long holidays included)
 */
@ConfigurationProperties("market.providers.fsc")
public record FscSettings(
        @DefaultValue("https://apis.data.go.kr") URI baseUrl,
        String serviceKey,
        @DefaultValue("10000") int permits,
        @DefaultValue("1d") Duration per,
        @DefaultValue("200") int burst,
        @DefaultValue("0s") Duration maxWait,
        @DefaultValue("1h") Duration backoff,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("14d") Duration lookBack) {

    public FscSettings {
        Objects.requireNonNull(baseUrl, "market.providers.fsc.base-url (FSC_BASE_URL)");
        new BudgetSettings(permits, per, burst, maxWait); // fails start-up on a budget that cannot hold
    }

    /** The budget these settings describe. */
    public BudgetSettings budget() {
        return new BudgetSettings(permits, per, burst, maxWait);
    }

    public boolean hasKey() {
        return serviceKey != null && !serviceKey.isBlank();
    }

    @Override
    public String toString() {
        return "FscSettings[baseUrl=" + baseUrl + ", key=" + (hasKey() ? "set" : "none") + ", budget=" + budget() + "]";
    }
}
