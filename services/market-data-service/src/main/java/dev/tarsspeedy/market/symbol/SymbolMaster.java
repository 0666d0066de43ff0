package dev.tarsspeedy.market.symbol;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.Listing;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The symbol master: which stocks exist, their names, and the search over them. Other features ask {@link
 * #isListed(Symbol)} before they act on a symbol (the quote feature refuses unknown ones).
 *
 * <p>The table is the truth; each instance searches an in-memory {@link SymbolIndex} of it, loaded on first use and
 * reloaded when the table changes (after a refresh here at once, on other instances within {@code
 * market.symbols.index-reload-period}).
 */
@Service
public class SymbolMaster {

    private static final Logger log = LoggerFactory.getLogger(SymbolMaster.class);

    private final SymbolRepository repository;
    private final Clock clock;
    private final AtomicReference<SymbolIndex> index = new AtomicReference<>();

    public SymbolMaster(SymbolRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** One page of the symbols matching {@code query} in {@code market} ({@code null}: both), best first. */
    public Mono<SymbolPage> search(String query, Market market, int page, int size) {
        Objects.requireNonNull(query, "query");
        return index().map(current -> current.search(query, market, page, size));
    }

    /** The symbol's row, listed or delisted; {@link UnknownSymbolException} when the master does not have it. */
    public Mono<ListedSymbol> find(Symbol symbol) {
        return index().flatMap(current -> {
                    ListedSymbol known = current.get(symbol);
                    return known != null ? Mono.just(known) : repository.find(symbol);
                })
                .switchIfEmpty(Mono.error(() -> new UnknownSymbolException(symbol)));
    }

    /**
     * Whether {@code symbol} is a listed stock. Answered from memory; a symbol the index lacks is looked up in the
     * table, so a listing another instance just added is not refused.
     */
    public Mono<Boolean> isListed(Symbol symbol) {
        return find(symbol)
                .map(ListedSymbol::listed)
                .onErrorResume(UnknownSymbolException.class, e -> Mono.just(false));
    }

    /**
     * Writes one market's listings as a provider gave them, then marks the market's other rows delisted when {@code
     * complete} (the listings are the whole market, from every provider that lists it), and reloads the index.
     *
     * @return rows written and rows delisted
     */
    public Mono<Applied> apply(Market market, List<Listing> listings, boolean complete) {
        Instant now = clock.instant();
        List<Listing> ofMarket =
                listings.stream().filter(listing -> listing.market() == market).toList();
        Mono<Long> delisted = complete && !ofMarket.isEmpty()
                ? repository.markDelisted(market, symbols(ofMarket), now)
                : Mono.just(0L);
        return repository
                .upsert(ofMarket, now)
                .flatMap(written -> delisted.map(count -> new Applied(written, count)))
                .flatMap(applied -> reload().thenReturn(applied))
                .doOnNext(applied -> log.info(
                        "symbol master {}: {} listings written, {} delisted",
                        market,
                        applied.written(),
                        applied.delisted()));
    }

    /** Up to {@code limit} listed symbols of {@code market} that have no English name yet. */
    public Flux<Symbol> missingEnglishNames(Market market, int limit) {
        return repository.missingEnglishNames(market, limit);
    }

    /** Reloads the in-memory index if the table changed since it was loaded; true when it did. */
    public Mono<Boolean> reloadIfChanged() {
        return repository.version().flatMap(version -> {
            SymbolIndex current = index.get();
            if (current != null && current.version().equals(version)) {
                return Mono.just(false);
            }
            return load(version).thenReturn(true);
        });
    }

    /** The table's version: how many rows and when the last was written. */
    public Mono<SymbolRepository.MasterVersion> version() {
        return repository.version();
    }

    private Mono<SymbolIndex> index() {
        SymbolIndex current = index.get();
        return current != null ? Mono.just(current) : reload();
    }

    private Mono<SymbolIndex> reload() {
        return repository.version().flatMap(this::load);
    }

    private Mono<SymbolIndex> load(SymbolRepository.MasterVersion version) {
        return repository.findAll().collectList().map(rows -> {
            SymbolIndex loaded = new SymbolIndex(rows, version);
            index.set(loaded);
            return loaded;
        });
    }

    private static Collection<Symbol> symbols(List<Listing> listings) {
        return listings.stream().map(Listing::symbol).toList();
    }

    /**
     * @param written rows inserted or updated
     * @param delisted rows marked delisted
     */
    public record Applied(long written, long delisted) {}
}
