package dev.tarsspeedy.standin.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One row of the shipped symbol master.
 *
 * @param symbol the KRX short code ({@code 005930}) or the US ticker ({@code AAPL})
 * @param name the Korean name for KRX listings, the company name for US listings
 * @param englishName the English name (the same as {@code name} for US listings)
 * @param market KRX or US
 * @param exchange {@code KOSPI} or {@code KOSDAQ} for KRX, {@code NYSE} or {@code NASDAQ} for US
 * @param referencePrice the level the seeded walk reverts to, on the market's tick grid (KRW or USD)
 * @param rank the position in the master of its market, largest first (decides the simulated volume)
 */
public record Listing(
        String symbol,
        String name,
        String englishName,
        Market market,
        String exchange,
        BigDecimal referencePrice,
        int rank) {

    public Listing {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(englishName, "englishName");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(exchange, "exchange");
        if (referencePrice.signum() <= 0) {
            throw new IllegalArgumentException("reference price of " + symbol + " must be positive");
        }
    }

    public String currency() {
        return market.currency();
    }

    /** The ISIN of an ordinary KRX share ({@code KR7} + code + {@code 00} + check digit); empty for US listings. */
    public String isin() {
        if (market != Market.KRX) {
            return "";
        }
        String body = "KR7" + symbol + "00";
        return body + isinCheckDigit(body);
    }

    /** The ISIN check digit: letters become two digits (A=10), then the Luhn sum from the right. */
    static int isinCheckDigit(String body) {
        StringBuilder digits = new StringBuilder();
        for (char c : body.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int sum = 0;
        boolean doubleIt = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}
