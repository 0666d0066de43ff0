package dev.tarsspeedy.market.quote;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import java.time.LocalDate;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Daily closes per symbol (PostgreSQL), for charts beyond one day. */
public interface QuoteHistory {

    /** Inserts or replaces the bars (one per symbol and day). */
    Mono<Void> saveAll(List<DailyBar> bars);

    /** The bars from {@code from} to {@code to}, both inclusive, oldest first. */
    Flux<DailyBar> range(Symbol symbol, LocalDate from, LocalDate to);

    /** Whether any bar of the symbol is stored. */
    Mono<Boolean> hasAny(Symbol symbol);

    /** The newest bar, if any. */
    Mono<DailyBar> latest(Symbol symbol);
}
