package dev.tarsspeedy.alert.interest.persistence;

import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.interest.SymbolInterest;
import dev.tarsspeedy.contracts.alert.SymbolInterestChanged;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.events.outbox.OutboxWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Computes a symbol's whole interest from the tables, in the caller's transaction, and appends it to the outbox keyed
 * by the symbol: watchers from {@code watchlist_entry}; armed, unfinished, unexpired alerts from {@code price_alert};
 * and the lines of the armed above/below alerts nearest the last evaluated price (the lowest first when no price is
 * known yet), at most {@link SymbolInterestChanged#MAX_LINES}.
 *
 * <p>The symbol's row in {@code price_alert_symbol} is locked first, so two transactions changing one symbol's
 * interest at once (a watch and an alert) compute and write their states one after the other: the later event is the
 * true state.
 */
@Component
class OutboxSymbolInterest implements SymbolInterest {

    private final DatabaseClient database;
    private final OutboxWriter outbox;
    private final Clock clock;

    OutboxSymbolInterest(DatabaseClient database, OutboxWriter outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Mono<Void> changed(Symbol symbol) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Mono<Optional<BigDecimal>> lastPrice = database.sql(
                            "insert into price_alert_symbol (symbol) values (:symbol) on conflict do nothing")
                    .bind("symbol", symbol.code())
                    .fetch()
                    .rowsUpdated()
                    .then(database.sql("select last_price from price_alert_symbol where symbol = :symbol for update")
                            .bind("symbol", symbol.code())
                            .map(row -> Optional.ofNullable(row.get("last_price", BigDecimal.class)))
                            .one());
            Mono<Integer> watchers = database.sql("select count(*) from watchlist_entry where symbol = :symbol")
                    .bind("symbol", symbol.code())
                    .map(row -> row.get(0, Long.class).intValue())
                    .one();
            Mono<Integer> alerts = database.sql("select count(*) from price_alert where symbol = :symbol and armed"
                            + " and completed_at is null and (expires_at is null or expires_at > :now)")
                    .bind("symbol", symbol.code())
                    .bind("now", now)
                    .map(row -> row.get(0, Long.class).intValue())
                    .one();
            return lastPrice
                    .flatMap(price -> Mono.zip(watchers, alerts, lines(symbol, price.orElse(null), now)))
                    .flatMap(state -> {
                        SymbolInterestChanged event = new SymbolInterestChanged(
                                symbol.code(), state.getT1(), state.getT2(), state.getT3(), now);
                        return outbox.append(
                                SymbolInterestChanged.TOPIC,
                                EventEnvelope.of(
                                        SymbolInterestChanged.TYPE,
                                        SymbolInterestChanged.VERSION,
                                        symbol.code(),
                                        event,
                                        clock));
                    });
        });
    }

    private Mono<List<BigDecimal>> lines(Symbol symbol, BigDecimal lastPrice, Instant now) {
        String order = lastPrice == null ? "line" : "abs(line - :price), line";
        DatabaseClient.GenericExecuteSpec select = database.sql("select line from (select distinct line from"
                        + " price_alert where symbol = :symbol and armed and completed_at is null"
                        + " and kind in ('PRICE_ABOVE', 'PRICE_BELOW') and (expires_at is null or expires_at > :now))"
                        + " lines order by " + order + " limit :limit")
                .bind("symbol", symbol.code())
                .bind("now", now)
                .bind("limit", SymbolInterestChanged.MAX_LINES);
        if (lastPrice != null) {
            select = select.bind("price", lastPrice);
        }
        return select.map(row -> plain(row.get("line", BigDecimal.class))).all().collectList();
    }

    /** {@code 100} and {@code 99.5}, as the alerts were written, never {@code 100.000000} or {@code 1E+2}. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
