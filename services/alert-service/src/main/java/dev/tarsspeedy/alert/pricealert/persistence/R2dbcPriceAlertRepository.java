package dev.tarsspeedy.alert.pricealert.persistence;

import dev.tarsspeedy.alert.AlertId;
import dev.tarsspeedy.alert.Symbol;
import dev.tarsspeedy.alert.UserId;
import dev.tarsspeedy.alert.pricealert.AlertCondition;
import dev.tarsspeedy.alert.pricealert.AlertKind;
import dev.tarsspeedy.alert.pricealert.AlertMode;
import dev.tarsspeedy.alert.pricealert.AlertState;
import dev.tarsspeedy.alert.pricealert.AlertTerms;
import dev.tarsspeedy.alert.pricealert.CandidateQuery;
import dev.tarsspeedy.alert.pricealert.Decimals;
import dev.tarsspeedy.alert.pricealert.DuplicateAlertException;
import dev.tarsspeedy.alert.pricealert.FiredAlert;
import dev.tarsspeedy.alert.pricealert.HistoryPage;
import dev.tarsspeedy.alert.pricealert.MoveDirection;
import dev.tarsspeedy.alert.pricealert.PriceAlert;
import dev.tarsspeedy.alert.pricealert.PriceAlertRepository;
import dev.tarsspeedy.alert.pricealert.QuoteFacts;
import dev.tarsspeedy.alert.pricealert.Recipient;
import dev.tarsspeedy.alert.pricealert.SymbolQuoteState;
import dev.tarsspeedy.alert.pricealert.Watch;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Alerts in {@code price_alert}, firings in {@code price_alert_fired}, per-symbol state in {@code price_alert_symbol}. */
@Repository
class R2dbcPriceAlertRepository implements PriceAlertRepository {

    private static final String COLUMNS = "id, user_id, email, language, zone, symbol, stock_name, kind, line, percent,"
            + " direction, mode, cooldown_seconds, hysteresis_percent, expires_at, regular_hours_only, armed, episode,"
            + " last_fired_at, fired_day, rearm_line, completed_at, watch_space, watch_rising, watch_line, version,"
            + " created_at, updated_at";

    private static final String FIRED_COLUMNS = "alert_id, episode, user_id, symbol, stock_name, kind, line, percent,"
            + " direction, price, currency, as_of, source, fired_at";

    private final DatabaseClient database;

    R2dbcPriceAlertRepository(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> insert(PriceAlert alert) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("insert into price_alert (" + COLUMNS + ") values (:id,"
                + " :userId, :email, :language, :zone, :symbol, :stockName, :kind, :line, :percent, :direction, :mode,"
                + " :cooldownSeconds, :hysteresisPercent, :expiresAt, :regularHoursOnly, :armed, :episode,"
                + " :lastFiredAt, :firedDay, :rearmLine, :completedAt, :watchSpace, :watchRising, :watchLine,"
                + " :version, :createdAt, :updatedAt)");
        return bindAll(insert, alert)
                .bind("userId", alert.owner().value())
                .bind("symbol", alert.symbol().code())
                .bind("stockName", alert.stockName())
                .bind("language", alert.recipient().language())
                .bind("createdAt", alert.createdAt())
                .fetch()
                .rowsUpdated()
                .onErrorMap(DataIntegrityViolationException.class, e -> new DuplicateAlertException(null))
                .then();
    }

    @Override
    public Mono<Boolean> update(PriceAlert changed, long expectedVersion) {
        DatabaseClient.GenericExecuteSpec update = database.sql("update price_alert set email = :email, zone = :zone,"
                + " kind = :kind, line = :line, percent = :percent, direction = :direction, mode = :mode,"
                + " cooldown_seconds = :cooldownSeconds, hysteresis_percent = :hysteresisPercent,"
                + " expires_at = :expiresAt, regular_hours_only = :regularHoursOnly, armed = :armed,"
                + " episode = :episode, last_fired_at = :lastFiredAt, fired_day = :firedDay, rearm_line = :rearmLine,"
                + " completed_at = :completedAt, watch_space = :watchSpace, watch_rising = :watchRising,"
                + " watch_line = :watchLine, version = :version, updated_at = :updatedAt"
                + " where id = :id and version = :expected");
        return bindAll(update, changed)
                .bind("expected", expectedVersion)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows == 1)
                .onErrorMap(DataIntegrityViolationException.class, e -> new DuplicateAlertException(null));
    }

    /** Every column an update writes. */
    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, PriceAlert a) {
        AlertCondition condition = a.condition();
        AlertTerms terms = a.terms();
        AlertState state = a.state();
        Optional<Watch> watch = a.watch();
        spec = spec.bind("id", a.id().value())
                .bind("zone", a.recipient().zone().getId())
                .bind("kind", condition.kind().name())
                .bind("mode", terms.mode().name())
                .bind("cooldownSeconds", terms.cooldown().toSeconds())
                .bind("hysteresisPercent", terms.hysteresisPercent())
                .bind("regularHoursOnly", terms.regularHoursOnly())
                .bind("armed", state.armed())
                .bind("episode", state.episode())
                .bind("version", a.version())
                .bind("updatedAt", a.updatedAt());
        spec = nullable(spec, "email", a.recipient().email(), String.class);
        spec = nullable(spec, "line", condition.line(), BigDecimal.class);
        spec = nullable(spec, "percent", condition.percent(), BigDecimal.class);
        spec = nullable(
                spec,
                "direction",
                condition.direction() == null ? null : condition.direction().name(),
                String.class);
        spec = nullable(spec, "expiresAt", terms.expiresAt(), Instant.class);
        spec = nullable(spec, "lastFiredAt", state.lastFiredAt(), Instant.class);
        spec = nullable(spec, "firedDay", state.firedDay(), LocalDate.class);
        spec = nullable(spec, "rearmLine", state.rearmLine(), BigDecimal.class);
        spec = nullable(spec, "completedAt", state.completedAt(), Instant.class);
        spec = nullable(spec, "watchSpace", watch.map(w -> w.space().code()).orElse(null), String.class);
        spec = nullable(spec, "watchRising", watch.map(Watch::rising).orElse(null), Boolean.class);
        return nullable(spec, "watchLine", watch.map(Watch::line).orElse(null), BigDecimal.class);
    }

    private static <T> DatabaseClient.GenericExecuteSpec nullable(
            DatabaseClient.GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    @Override
    public Mono<PriceAlert> find(UserId owner, AlertId id) {
        return database.sql("select " + COLUMNS + " from price_alert where id = :id and user_id = :userId")
                .bind("id", id.value())
                .bind("userId", owner.value())
                .map(R2dbcPriceAlertRepository::alert)
                .one();
    }

    @Override
    public Mono<PriceAlert> findForUpdate(UserId owner, AlertId id) {
        return database.sql("select " + COLUMNS + " from price_alert where id = :id and user_id = :userId for update")
                .bind("id", id.value())
                .bind("userId", owner.value())
                .map(R2dbcPriceAlertRepository::alert)
                .one();
    }

    @Override
    public Flux<PriceAlert> findByOwner(UserId owner) {
        return database.sql("select " + COLUMNS + " from price_alert where user_id = :userId"
                        + " order by created_at desc, id")
                .bind("userId", owner.value())
                .map(R2dbcPriceAlertRepository::alert)
                .all();
    }

    @Override
    public Flux<AlertId> findIds(UserId owner, Symbol symbol) {
        return database.sql("select id from price_alert where user_id = :userId and symbol = :symbol"
                        + " order by created_at, id")
                .bind("userId", owner.value())
                .bind("symbol", symbol.code())
                .map(row -> new AlertId(row.get("id", UUID.class)))
                .all();
    }

    @Override
    public Mono<Void> deleteAll(UserId owner, Symbol symbol) {
        return database.sql("delete from price_alert where user_id = :userId and symbol = :symbol")
                .bind("userId", owner.value())
                .bind("symbol", symbol.code())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Mono<Boolean> delete(UserId owner, AlertId id) {
        return database.sql("delete from price_alert where id = :id and user_id = :userId")
                .bind("id", id.value())
                .bind("userId", owner.value())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    @Override
    public Mono<Long> countUnfinished(UserId owner) {
        return database.sql("select count(*) from price_alert where user_id = :userId and completed_at is null")
                .bind("userId", owner.value())
                .map(row -> row.get(0, Long.class))
                .one();
    }

    @Override
    public Mono<AlertId> findIdentical(UserId owner, Symbol symbol, AlertCondition condition, AlertId except) {
        return database.sql("select id from price_alert where user_id = :userId and symbol = :symbol and kind = :kind"
                        + " and coalesce(line, -1) = :line and coalesce(percent, -1) = :percent"
                        + " and coalesce(direction, '') = :direction and completed_at is null and id <> :except"
                        + " limit 1")
                .bind("userId", owner.value())
                .bind("symbol", symbol.code())
                .bind("kind", condition.kind().name())
                .bind("line", condition.line() == null ? BigDecimal.ONE.negate() : condition.line())
                .bind("percent", condition.percent() == null ? BigDecimal.ONE.negate() : condition.percent())
                .bind(
                        "direction",
                        condition.direction() == null
                                ? ""
                                : condition.direction().name())
                .bind("except", except.value())
                .map(row -> new AlertId(row.get("id", UUID.class)))
                .one();
    }

    @Override
    public Mono<Void> lockOwner(UserId owner) {
        return database.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "price-alert:" + owner.value())
                .fetch()
                .rowsUpdated()
                .then();
    }

    @Override
    public Flux<PriceAlert> candidates(CandidateQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new java.util.HashMap<>();
        for (Map.Entry<Watch.Space, QuoteFacts.Range> entry : query.ranges().entrySet()) {
            String code = entry.getKey().code();
            String p = "prev" + code;
            String c = "cur" + code;
            conditions.add("(watch_space = '" + code + "' and ((watch_rising and watch_line > :" + p
                    + " and watch_line <= :" + c + ") or (not watch_rising and watch_line < :" + p
                    + " and watch_line >= :" + c + ")))");
            values.put(p, entry.getValue().previous());
            values.put(c, entry.getValue().current());
        }
        if (query.high52w()) {
            conditions.add("(kind = '" + AlertKind.HIGH_52W.name() + "' and armed)");
        }
        if (query.low52w()) {
            conditions.add("(kind = '" + AlertKind.LOW_52W.name() + "' and armed)");
        }
        if (query.intraday()) {
            conditions.add("(kind = '" + AlertKind.MOVE_PERCENT.name() + "' and not armed and mode = '"
                    + AlertMode.REARM.name() + "' and fired_day < :day)");
            values.put("day", query.tradingDay());
        }
        if (conditions.isEmpty()) {
            return Flux.empty();
        }
        DatabaseClient.GenericExecuteSpec select = database.sql("select " + COLUMNS + " from price_alert"
                        + " where symbol = :symbol and regular_hours_only = :regularHoursOnly and completed_at is null"
                        + " and (" + String.join(" or ", conditions) + ") order by created_at, id")
                .bind("symbol", query.symbol().code())
                .bind("regularHoursOnly", query.regularHoursOnly());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            select = select.bind(value.getKey(), value.getValue());
        }
        return select.map(R2dbcPriceAlertRepository::alert).all();
    }

    @Override
    public Mono<Void> recordFired(FiredAlert fired) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("insert into price_alert_fired (" + FIRED_COLUMNS
                        + ") values (:alertId, :episode, :userId, :symbol, :stockName, :kind, :line, :percent,"
                        + " :direction, :price, :currency, :asOf, :source, :firedAt)")
                .bind("alertId", fired.alertId().value())
                .bind("episode", fired.episode())
                .bind("userId", fired.owner().value())
                .bind("symbol", fired.symbol().code())
                .bind("stockName", fired.stockName())
                .bind("kind", fired.kind().name())
                .bind("price", fired.price())
                .bind("asOf", fired.asOf())
                .bind("firedAt", fired.firedAt());
        insert = nullable(insert, "line", fired.line(), BigDecimal.class);
        insert = nullable(insert, "percent", fired.percent(), BigDecimal.class);
        insert = nullable(
                insert,
                "direction",
                fired.direction() == null ? null : fired.direction().name(),
                String.class);
        insert = nullable(insert, "currency", fired.currency(), String.class);
        insert = nullable(insert, "source", fired.source(), String.class);
        return insert.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<HistoryPage> history(UserId owner, int page, int size) {
        Mono<Long> total = database.sql("select count(*) from price_alert_fired where user_id = :userId")
                .bind("userId", owner.value())
                .map(row -> row.get(0, Long.class))
                .one();
        Mono<List<FiredAlert>> items = database.sql("select " + FIRED_COLUMNS + " from price_alert_fired"
                        + " where user_id = :userId order by fired_at desc, as_of desc, alert_id, episode desc"
                        + " offset :offset limit :limit")
                .bind("userId", owner.value())
                .bind("offset", (long) page * size)
                .bind("limit", size)
                .map(R2dbcPriceAlertRepository::fired)
                .all()
                .collectList();
        return Mono.zip(items, total).map(both -> new HistoryPage(both.getT1(), page, size, both.getT2()));
    }

    @Override
    public Mono<SymbolQuoteState> lockSymbol(Symbol symbol) {
        return database.sql("insert into price_alert_symbol (symbol) values (:symbol) on conflict do nothing")
                .bind("symbol", symbol.code())
                .fetch()
                .rowsUpdated()
                .then(database.sql("select last_as_of, last_price, last_day, session_price, session_day"
                                + " from price_alert_symbol where symbol = :symbol for update")
                        .bind("symbol", symbol.code())
                        .map(row -> new SymbolQuoteState(
                                symbol,
                                row.get("last_as_of", Instant.class),
                                row.get("last_price", BigDecimal.class),
                                row.get("last_day", LocalDate.class),
                                row.get("session_price", BigDecimal.class),
                                row.get("session_day", LocalDate.class)))
                        .one());
    }

    @Override
    public Mono<Void> saveSymbol(SymbolQuoteState state) {
        DatabaseClient.GenericExecuteSpec update = database.sql("update price_alert_symbol set last_as_of = :lastAsOf,"
                        + " last_price = :lastPrice, last_day = :lastDay, session_price = :sessionPrice,"
                        + " session_day = :sessionDay where symbol = :symbol")
                .bind("symbol", state.symbol().code());
        update = nullable(update, "lastAsOf", state.lastAsOf(), Instant.class);
        update = nullable(update, "lastPrice", state.lastPrice(), BigDecimal.class);
        update = nullable(update, "lastDay", state.lastDay(), LocalDate.class);
        update = nullable(update, "sessionPrice", state.sessionPrice(), BigDecimal.class);
        update = nullable(update, "sessionDay", state.sessionDay(), LocalDate.class);
        return update.fetch().rowsUpdated().then();
    }

    private static PriceAlert alert(Readable row) {
        String direction = row.get("direction", String.class);
        return new PriceAlert(
                new AlertId(row.get("id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)),
                new Recipient(
                        row.get("email", String.class),
                        row.get("language", String.class),
                        ZoneId.of(row.get("zone", String.class))),
                new Symbol(row.get("symbol", String.class)),
                row.get("stock_name", String.class),
                new AlertCondition(
                        AlertKind.valueOf(row.get("kind", String.class)),
                        row.get("line", BigDecimal.class),
                        row.get("percent", BigDecimal.class),
                        direction == null ? null : MoveDirection.valueOf(direction)),
                new AlertTerms(
                        AlertMode.valueOf(row.get("mode", String.class)),
                        Duration.ofSeconds(row.get("cooldown_seconds", Long.class)),
                        row.get("hysteresis_percent", BigDecimal.class),
                        row.get("expires_at", Instant.class),
                        Boolean.TRUE.equals(row.get("regular_hours_only", Boolean.class))),
                new AlertState(
                        Boolean.TRUE.equals(row.get("armed", Boolean.class)),
                        row.get("episode", Integer.class),
                        row.get("last_fired_at", Instant.class),
                        row.get("fired_day", LocalDate.class),
                        strip(row.get("rearm_line", BigDecimal.class)),
                        row.get("completed_at", Instant.class)),
                row.get("version", Long.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }

    private static FiredAlert fired(Readable row) {
        String direction = row.get("direction", String.class);
        return new FiredAlert(
                new AlertId(row.get("alert_id", UUID.class)),
                new UserId(row.get("user_id", UUID.class)),
                row.get("episode", Integer.class),
                new Symbol(row.get("symbol", String.class)),
                row.get("stock_name", String.class),
                AlertKind.valueOf(row.get("kind", String.class)),
                strip(row.get("line", BigDecimal.class)),
                strip(row.get("percent", BigDecimal.class)),
                direction == null ? null : MoveDirection.valueOf(direction),
                strip(row.get("price", BigDecimal.class)),
                row.get("currency", String.class),
                row.get("as_of", Instant.class),
                row.get("source", String.class),
                row.get("fired_at", Instant.class));
    }

    private static BigDecimal strip(BigDecimal value) {
        return Decimals.plain(value);
    }
}
