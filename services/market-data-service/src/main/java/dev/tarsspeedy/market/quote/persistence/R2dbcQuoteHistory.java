package dev.tarsspeedy.market.quote.persistence;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.quote.QuoteHistory;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Daily closes in {@code quote_history}, one row per symbol and trading day; a later write of a day replaces it. */
@Repository
class R2dbcQuoteHistory implements QuoteHistory {

    private static final String COLUMNS = "symbol, trading_day, open, high, low, close, volume, source";

    private final DatabaseClient database;

    R2dbcQuoteHistory(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> saveAll(List<DailyBar> bars) {
        return Flux.fromIterable(bars)
                .concatMap(bar -> {
                    DatabaseClient.GenericExecuteSpec insert = database.sql("insert into quote_history (" + COLUMNS
                                    + ") values (:symbol, :day, :open, :high, :low, :close, :volume, :source)"
                                    + " on conflict (symbol, trading_day) do update set open = excluded.open,"
                                    + " high = excluded.high, low = excluded.low, close = excluded.close,"
                                    + " volume = excluded.volume, source = excluded.source")
                            .bind("symbol", bar.symbol().code())
                            .bind("day", bar.date())
                            .bind("close", bar.close())
                            .bind("volume", bar.volume())
                            .bind("source", bar.source().name());
                    insert = bindOrNull(insert, "open", bar.open());
                    insert = bindOrNull(insert, "high", bar.high());
                    insert = bindOrNull(insert, "low", bar.low());
                    return insert.fetch().rowsUpdated();
                })
                .then();
    }

    @Override
    public Flux<DailyBar> range(Symbol symbol, LocalDate from, LocalDate to) {
        return database.sql("select " + COLUMNS + " from quote_history where symbol = :symbol"
                        + " and trading_day between :from and :to order by trading_day")
                .bind("symbol", symbol.code())
                .bind("from", from)
                .bind("to", to)
                .map(R2dbcQuoteHistory::bar)
                .all();
    }

    @Override
    public Mono<Boolean> hasAny(Symbol symbol) {
        return database.sql("select exists (select 1 from quote_history where symbol = :symbol)")
                .bind("symbol", symbol.code())
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    @Override
    public Mono<DailyBar> latest(Symbol symbol) {
        return database.sql("select " + COLUMNS + " from quote_history where symbol = :symbol"
                        + " order by trading_day desc limit 1")
                .bind("symbol", symbol.code())
                .map(R2dbcQuoteHistory::bar)
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bindOrNull(
            DatabaseClient.GenericExecuteSpec spec, String name, BigDecimal value) {
        return value == null ? spec.bindNull(name, BigDecimal.class) : spec.bind(name, value);
    }

    private static DailyBar bar(Readable row) {
        return new DailyBar(
                new Symbol(row.get("symbol", String.class)),
                row.get("trading_day", LocalDate.class),
                row.get("open", BigDecimal.class),
                row.get("high", BigDecimal.class),
                row.get("low", BigDecimal.class),
                row.get("close", BigDecimal.class),
                row.get("volume", Long.class),
                ProviderName.valueOf(row.get("source", String.class)));
    }
}
