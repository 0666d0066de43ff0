package dev.tarsspeedy.standin.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The listings shipped as data ({@code market-standin/listings-krx.csv}, {@code listings-us.csv}), largest first.
 * Codes, tickers and names are public facts; the reference prices are realistic levels, not live data.
 */
final class SymbolMaster {

    private final Map<Market, List<Listing>> byMarket = new EnumMap<>(Market.class);
    private final Map<String, Listing> bySymbol = new LinkedHashMap<>();

    private SymbolMaster() {}

    static SymbolMaster load() {
        return load(0);
    }

    /** The shipped master plus {@code synthetic} made-up KOSDAQ listings after the real ones (for benchmarks). */
    static SymbolMaster load(int synthetic) {
        SymbolMaster master = new SymbolMaster();
        master.read(Market.KRX, "/market-standin/listings-krx.csv");
        master.read(Market.US, "/market-standin/listings-us.csv");
        if (synthetic > 0) {
            master.addSynthetic(synthetic);
        }
        return master;
    }

    private void addSynthetic(int count) {
        List<Listing> krx = new ArrayList<>(byMarket.get(Market.KRX));
        long[] prices = {4_500, 12_000, 35_000, 81_000, 150_000};
        int code = 800_000;
        for (int i = 1; i <= count; i++) {
            while (bySymbol.containsKey(String.format("%06d", code))) {
                code++;
            }
            if (code > 999_999) {
                throw new IllegalArgumentException("too many synthetic listings");
            }
            String symbol = String.format("%06d", code++);
            String number = String.format("%04d", i);
            Listing listing = new Listing(
                    symbol,
                    "가상종목" + number,
                    "Synthetic " + number,
                    Market.KRX,
                    "KOSDAQ",
                    BigDecimal.valueOf(prices[i % prices.length]),
                    krx.size() + 1);
            krx.add(listing);
            bySymbol.put(symbol, listing);
        }
        byMarket.put(Market.KRX, Collections.unmodifiableList(krx));
    }

    List<Listing> listings(Market market) {
        return byMarket.getOrDefault(market, List.of());
    }

    Optional<Listing> find(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    private void read(Market market, String resource) {
        List<Listing> rows = new ArrayList<>();
        try (InputStream in = SymbolMaster.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("symbol,")) {
                    continue;
                }
                rows.add(parse(market, line, rows.size() + 1, resource + ":" + lineNo));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Listing row : rows) {
            if (bySymbol.putIfAbsent(row.symbol(), row) != null) {
                throw new IllegalStateException("duplicate symbol " + row.symbol() + " in " + resource);
            }
        }
        byMarket.put(market, Collections.unmodifiableList(rows));
    }

    /** KRX: {@code code,exchange,price,englishName,koreanName}; US: {@code ticker,exchange,price,name}. */
    private static Listing parse(Market market, String line, int rank, String where) {
        String[] f = line.split(",", -1);
        try {
            String symbol = f[0].trim();
            String exchange = f[1].trim();
            BigDecimal price = new BigDecimal(f[2].trim());
            String english = f[3].trim();
            String name = market == Market.KRX ? f[4].trim() : english;
            if (market == Market.KRX && !symbol.matches("\\d{6}")) {
                throw new IllegalArgumentException("KRX code must be six digits");
            }
            if (market == Market.KRX && !(exchange.equals("KOSPI") || exchange.equals("KOSDAQ"))) {
                throw new IllegalArgumentException("KRX exchange must be KOSPI or KOSDAQ");
            }
            if (market == Market.US && !(exchange.equals("NYSE") || exchange.equals("NASDAQ"))) {
                throw new IllegalArgumentException("US exchange must be NYSE or NASDAQ");
            }
            BigDecimal onGrid = Ticks.round(market, price);
            if (onGrid.compareTo(price) != 0) {
                throw new IllegalArgumentException("reference price " + price + " is off the tick grid");
            }
            return new Listing(symbol, name, english, market, exchange, onGrid, rank);
        } catch (RuntimeException e) {
            throw new IllegalStateException("bad listing at " + where + ": " + line + " (" + e.getMessage() + ")", e);
        }
    }
}
