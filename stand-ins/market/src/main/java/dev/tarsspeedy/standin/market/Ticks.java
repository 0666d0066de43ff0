package dev.tarsspeedy.standin.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Prices on each market's grid: KRX ticks in whole won, US cents. */
final class Ticks {

    private Ticks() {}

    /**
     * The KRX tick size for a price, the one grid of KOSPI and KOSDAQ since 2023-01-25: 1 won below 2,000, 5 below
     * 5,000, 10 below 20,000, 50 below 50,000, 100 below 200,000, 500 below 500,000, 1,000 above.
     */
    static long krxTick(double price) {
        if (price < 2_000) {
            return 1;
        } else if (price < 5_000) {
            return 5;
        } else if (price < 20_000) {
            return 10;
        } else if (price < 50_000) {
            return 50;
        } else if (price < 200_000) {
            return 100;
        } else if (price < 500_000) {
            return 500;
        }
        return 1_000;
    }

    /** The nearest price on the market's grid, never below one tick. */
    static BigDecimal round(Market market, double price) {
        if (market == Market.KRX) {
            long tick = krxTick(price);
            long ticks = Math.max(1, Math.round(price / tick));
            return BigDecimal.valueOf(ticks * tick);
        }
        BigDecimal cents = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
        return cents.signum() > 0 ? cents : new BigDecimal("0.01");
    }

    static BigDecimal round(Market market, BigDecimal price) {
        return round(market, price.doubleValue());
    }
}
