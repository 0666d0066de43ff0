package dev.tarsspeedy.market;

import java.time.ZoneId;
import java.util.Currency;

/**
 * A market whose stocks TARS follows, with the zone its sessions are written in and the currency of its prices.
 * {@code US} is NYSE and Nasdaq together: they share one calendar.
 */
public enum Market {
    KRX(ZoneId.of("Asia/Seoul"), Currency.getInstance("KRW")),
    US(ZoneId.of("America/New_York"), Currency.getInstance("USD"));

    private final ZoneId zone;
    private final Currency currency;

    Market(ZoneId zone, Currency currency) {
        this.zone = zone;
        this.currency = currency;
    }

    public ZoneId zone() {
        return zone;
    }

    public Currency currency() {
        return currency;
    }
}
