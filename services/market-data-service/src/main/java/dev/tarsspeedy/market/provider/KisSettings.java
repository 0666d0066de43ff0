package dev.tarsspeedy.market.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code market.providers.kis.*}: Korea Investment &amp; Securities' open API (live KRX quotes).
 *
 * @param baseUrl the API's address ({@code KIS_BASE_URL}); used only with a key
 * @param appKey the app key ({@code KIS_APP_KEY}); without it the service talks to the stand-in
 * @param appSecret the app secret ({@code KIS_APP_SECRET})
 * @param permits the budget ({@link BudgetSettings}): KIS refuses more than 20 calls a second ({@code EGW00201}); 18
 *     in any second leaves a margin
 * @param per the budget's window
 * @param burst calls that may go back to back
 * @param maxWait how long a call may wait for a permit
 * @param backoff how long every KIS call pauses after KIS answered {@code EGW00201}
 * @param timeout the longest one call waits for KIS's answer
 * @param tokenRenewBefore a token this close to its expiry is renewed (KIS's tokens live 24 h)
 * @param tokenIssueInterval at most one token issue in this interval, across instances (KIS: one a minute)
 * @param tokenWait how long a call waits for the token another instance is issuing
 */
@ConfigurationProperties("market.providers.kis")
public record KisSettings(
        @DefaultValue("https://openapi.koreainvestment.com:9443")
        URI baseUrl,

        String appKey,
        String appSecret,
        @DefaultValue("18") int permits,
        @DefaultValue("1s") Duration per,
        @DefaultValue("1") int burst,
        @DefaultValue("300ms") Duration maxWait,
        @DefaultValue("1s") Duration backoff,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("1h") Duration tokenRenewBefore,
        @DefaultValue("61s") Duration tokenIssueInterval,
        @DefaultValue("15s") Duration tokenWait) {

    public KisSettings {
        Objects.requireNonNull(baseUrl, "market.providers.kis.base-url (KIS_BASE_URL)");
        new BudgetSettings(permits, per, burst, maxWait); // fails start-up on a budget that cannot hold
    }

    /** Whether both halves of the key are set; otherwise KIS is the stand-in's. */
    /** The budget these settings describe. */
    public BudgetSettings budget() {
        return new BudgetSettings(permits, per, burst, maxWait);
    }

    public boolean hasKey() {
        return appKey != null && !appKey.isBlank() && appSecret != null && !appSecret.isBlank();
    }

    /** Never printed: the key stays out of logs and actuator output. */
    @Override
    public String toString() {
        return "KisSettings[baseUrl=" + baseUrl + ", key=" + (hasKey() ? "set" : "none") + ", budget=" + budget() + "]";
    }
}
