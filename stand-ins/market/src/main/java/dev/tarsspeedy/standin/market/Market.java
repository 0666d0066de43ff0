package dev.tarsspeedy.standin.market;

import java.time.LocalTime;
import java.time.ZoneId;

/** The markets whose listings the stand-in ships, each with its regular session in its own time zone. */
public enum Market {
    /** Korea Exchange (KOSPI and KOSDAQ), Asia/Seoul, 09:00-15:30. */
    KRX(ZoneId.of("Asia/Seoul"), LocalTime.of(9, 0), LocalTime.of(15, 30), "KRW"),
    /** NYSE and Nasdaq, America/New_York (daylight saving through the zone rules), 09:30-16:00. */
    US(ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0), "USD");

    private final ZoneId zone;
    private final LocalTime open;
    private final LocalTime close;
    private final String currency;

    Market(ZoneId zone, LocalTime open, LocalTime close, String currency) {
        this.zone = zone;
        this.open = open;
        this.close = close;
        this.currency = currency;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime open() {
        return open;
    }

    public LocalTime close() {
        return close;
    }

    public String currency() {
        return currency;
    }
}
