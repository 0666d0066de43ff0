package dev.tarsspeedy.market.symbol.persistence;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.symbol.HangulInitials;
import dev.tarsspeedy.market.symbol.ListedSymbol;
import dev.tarsspeedy.market.symbol.SymbolRepository;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The symbol master in {@code symbol}. */
@Repository
class R2dbcSymbolRepository implements SymbolRepository {

    private static final String COLUMNS = "code, market, exchange, name_ko, name_en, listed, updated_at";

    /** Rows per upsert statement: one round trip per chunk, arrays unnested server-side. */
    private static final int CHUNK = 500;

    private static final String UPSERT = """
            insert into symbol (code, market, exchange, name_ko, name_en, name_initials, listed, updated_at)
            select code, market, exchange, name_ko, name_en, name_initials, true, :now
              from unnest(:codes::varchar[], :markets::varchar[], :exchanges::varchar[], :namesKo::varchar[],
                          :namesEn::varchar[], :initials::varchar[])
                   as listing(code, market, exchange, name_ko, name_en, name_initials)
            on conflict (code) do update set
                market = excluded.market,
                exchange = excluded.exchange,
                name_ko = coalesce(excluded.name_ko, symbol.name_ko),
                name_en = coalesce(excluded.name_en, symbol.name_en),
                name_initials = coalesce(excluded.name_initials, symbol.name_initials),
                listed = true,
                updated_at = excluded.updated_at
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    R2dbcSymbolRepository(DatabaseClient database, TransactionalOperator transaction) {
        this.database = database;
        this.transaction = transaction;
    }

    @Override
    public Flux<ListedSymbol> findAll() {
        return database.sql("select " + COLUMNS + " from symbol")
                .map(R2dbcSymbolRepository::row)
                .all();
    }

    @Override
    public Mono<ListedSymbol> find(Symbol symbol) {
        return database.sql("select " + COLUMNS + " from symbol where code = :code")
                .bind("code", symbol.code())
                .map(R2dbcSymbolRepository::row)
                .one();
    }

    @Override
    public Mono<MasterVersion> version() {
        return database.sql("select count(*) as n, max(updated_at) as last from symbol")
                .map(row -> {
                    OffsetDateTime last = row.get("last", OffsetDateTime.class);
                    Long rows = row.get("n", Long.class);
                    return new MasterVersion(rows == null ? 0 : rows, last == null ? null : last.toInstant());
                })
                .one();
    }

    @Override
    public Mono<Long> upsert(List<Listing> listings, Instant now) {
        // The last listing of a code wins: a statement must not touch one row twice.
        Map<String, Listing> unique = new LinkedHashMap<>();
        listings.forEach(listing -> unique.put(listing.symbol().code(), listing));
        List<Listing> rows = List.copyOf(unique.values());
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return Flux.range(0, (rows.size() + CHUNK - 1) / CHUNK)
                .concatMap(chunk ->
                        upsertChunk(rows.subList(chunk * CHUNK, Math.min(rows.size(), (chunk + 1) * CHUNK)), now))
                .reduce(0L, Long::sum)
                .as(transaction::transactional);
    }

    private Mono<Long> upsertChunk(List<Listing> chunk, Instant now) {
        int n = chunk.size();
        String[] codes = new String[n];
        String[] markets = new String[n];
        String[] exchanges = new String[n];
        String[] namesKo = new String[n];
        String[] namesEn = new String[n];
        String[] initials = new String[n];
        for (int i = 0; i < n; i++) {
            Listing listing = chunk.get(i);
            codes[i] = listing.symbol().code();
            markets[i] = listing.market().name();
            exchanges[i] = listing.exchange() == null ? "" : listing.exchange();
            namesKo[i] = listing.nameKo();
            namesEn[i] = listing.nameEn();
            initials[i] = listing.nameKo() == null ? null : HangulInitials.of(listing.nameKo());
        }
        return database.sql(UPSERT)
                .bind("codes", codes)
                .bind("markets", markets)
                .bind("exchanges", exchanges)
                .bind("namesKo", namesKo)
                .bind("namesEn", namesEn)
                .bind("initials", initials)
                .bind("now", now)
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Flux<Symbol> missingEnglishNames(Market market, int limit) {
        return database.sql("select code from symbol where market = :market and listed and name_en is null"
                        + " order by random() limit :limit")
                .bind("market", market.name())
                .bind("limit", limit)
                .map(row -> new Symbol(row.get("code", String.class)))
                .all();
    }

    @Override
    public Mono<Long> markDelisted(Market market, Collection<Symbol> stillListed, Instant now) {
        String[] codes = stillListed.stream().map(Symbol::code).distinct().toArray(String[]::new);
        return database.sql("update symbol set listed = false, updated_at = :now"
                        + " where market = :market and listed and code <> all(:codes::varchar[])")
                .bind("now", now)
                .bind("market", market.name())
                .bind("codes", codes)
                .fetch()
                .rowsUpdated();
    }

    private static ListedSymbol row(Readable row) {
        return new ListedSymbol(
                new Symbol(row.get("code", String.class)),
                Market.valueOf(row.get("market", String.class)),
                row.get("exchange", String.class),
                row.get("name_ko", String.class),
                row.get("name_en", String.class),
                Boolean.TRUE.equals(row.get("listed", Boolean.class)),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
