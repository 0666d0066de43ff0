package dev.tarsspeedy.market.interest.persistence;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.interest.Interest;
import dev.tarsspeedy.market.interest.InterestRepository;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Interest in {@code symbol_interest}, one row per symbol ever named (an unfollowed symbol keeps its row, so an older
 * event arriving later cannot follow it again). PostgreSQL, not Redis: the row commits in one transaction with the
 * consumer's marker in {@code processed_event}.
 */
@Repository
class R2dbcInterestRepository implements InterestRepository {

    private static final String COLUMNS = "symbol, market, watchers, alerts, alert_lines, changed_at";

    private final DatabaseClient database;

    R2dbcInterestRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> save(Interest interest) {
        return database.sql("insert into symbol_interest (" + COLUMNS + ", updated_at) values (:symbol, :market,"
                        + " :watchers, :alerts, :alertLines, :changedAt, now()) on conflict (symbol) do update set"
                        + " watchers = excluded.watchers, alerts = excluded.alerts,"
                        + " alert_lines = excluded.alert_lines, changed_at = excluded.changed_at, updated_at = now()"
                        + " where symbol_interest.changed_at < excluded.changed_at")
                .bind("symbol", interest.symbol().code())
                .bind("market", interest.symbol().market().name())
                .bind("watchers", interest.watchers())
                .bind("alerts", interest.alerts())
                .bind("alertLines", interest.alertLines().toArray(BigDecimal[]::new))
                .bind("changedAt", interest.changedAt())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    @Override
    public Flux<Interest> followed(Market market) {
        return database.sql("select " + COLUMNS + " from symbol_interest where market = :market"
                        + " and watchers + alerts > 0 order by symbol")
                .bind("market", market.name())
                .map(R2dbcInterestRepository::interest)
                .all();
    }

    @Override
    public Mono<Interest> find(Symbol symbol) {
        return database.sql("select " + COLUMNS + " from symbol_interest where symbol = :symbol")
                .bind("symbol", symbol.code())
                .map(R2dbcInterestRepository::interest)
                .one();
    }

    private static Interest interest(Readable row) {
        BigDecimal[] lines = row.get("alert_lines", BigDecimal[].class);
        return new Interest(
                new Symbol(row.get("symbol", String.class)),
                row.get("watchers", Integer.class),
                row.get("alerts", Integer.class),
                lines == null ? List.of() : Arrays.asList(lines),
                row.get("changed_at", Instant.class));
    }
}
