package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.standin.market.MarketStandIn;
import java.time.Clock;

/** The stand-in market with the keys the tests' providers use; a data.go.kr key has {@code +}, {@code /} and {@code =}. */
final class StandInMarket {

    static final String KIS_APP_KEY = "PSx1test-app-key";
    static final String KIS_APP_SECRET = "kis-secret/with+signs=";
    static final String FSC_KEY = "fsc+Key/with==signs+";
    static final String FINNHUB_TOKEN = "fh-test-token";

    private StandInMarket() {}

    static MarketStandIn.Options options(Clock clock) {
        return MarketStandIn.options()
                .port(0)
                .seed(42)
                .clock(clock)
                .demoSession(false)
                .kisKey(KIS_APP_KEY, KIS_APP_SECRET)
                .fscKey(FSC_KEY)
                .finnhubToken(FINNHUB_TOKEN);
    }

    static MarketStandIn start(Clock clock) {
        return MarketStandIn.start(options(clock));
    }
}
