package dev.tarsspeedy.market.symbol;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.QuoteProvider;
import dev.tarsspeedy.platform.scheduling.ScheduledJob;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refreshes the symbol master from every {@link QuoteProvider}'s {@code listings(market)}: at start when the table is
 * empty, then whenever its last write is older than {@code market.symbols.refresh-every} (daily), checked every
 * {@code refresh-check-period}; one instance at a time. A market whose every provider answered is complete, so its
 * rows missing from all of them are marked delisted; a provider that fails leaves its market's rows as they are.
 *
 * <p>Each run then asks the providers' {@code listing(symbol)} for the English names the listings lack (KRX stocks:
 * FSC lists Korean names only, KIS's {@code search-stock-info} has the English one), at most {@code
 * english-names-per-run} a run (by default a whole KRX master), paced by {@code english-name-interval} and stopping at
 * the first rate limit. The first run after a start names the whole master within minutes: with a small cap and the
 * hourly runs, English pages showed Korean names for a day. Names are written every {@value #NAMES_PER_WRITE}, so a
 * run cut short keeps what it learned.
 */
@Component
class SymbolRefreshJob implements ScheduledJob {

    private static final Logger log = LoggerFactory.getLogger(SymbolRefreshJob.class);

    static final int NAMES_PER_WRITE = 50;

    private final List<QuoteProvider> providers;
    private final SymbolMaster master;
    private final SymbolSettings settings;
    private final Clock clock;

    SymbolRefreshJob(
            ObjectProvider<QuoteProvider> providers, SymbolMaster master, SymbolSettings settings, Clock clock) {
        // None until the adapters are configured: then the job only says so.
        this.providers = providers.orderedStream().toList();
        this.master = master;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "market-symbol-refresh";
    }

    @Override
    public Duration period() {
        return settings.refreshCheckPeriod();
    }

    @Override
    public Duration initialDelay() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Duration maxDuration() {
        return Duration.ofMinutes(15);
    }

    @Override
    public Mono<Long> run() {
        return master.version().flatMap(version -> {
            boolean due = version.rows() == 0
                    || version.lastUpdate() == null
                    || version.lastUpdate().plus(settings.refreshEvery()).isBefore(clock.instant());
            return (due ? refresh() : Mono.just(0L))
                    .flatMap(written -> englishNames().map(named -> written + named));
        });
    }

    private Mono<Long> pause() {
        Duration interval = settings.englishNameInterval();
        return interval.isZero() ? Mono.just(0L) : Mono.delay(interval);
    }

    /** A failure about one symbol (unknown to the provider, an unreadable answer): try the next symbol. */
    private static boolean skippable(Throwable error) {
        return !(error instanceof ProviderException.RateLimited || error instanceof ProviderException.BadCredentials);
    }

    /** Asks the providers for the English names of up to {@code english-names-per-run} KRX symbols lacking one. */
    Mono<Long> englishNames() {
        List<QuoteProvider> naming = providers.stream()
                .filter(provider -> provider.markets().contains(Market.KRX))
                .toList();
        if (naming.isEmpty() || settings.englishNamesPerRun() == 0) {
            return Mono.just(0L);
        }
        return master.missingEnglishNames(Market.KRX, settings.englishNamesPerRun())
                // Paced, so the quotes polled meanwhile keep most of KIS's per-second budget.
                .concatMap(symbol -> pause().then(Flux.fromIterable(naming)
                        .concatMap(provider -> provider.listing(symbol)
                                .onErrorResume(SymbolRefreshJob::skippable, e -> {
                                    log.debug(
                                            "{} has no English name for {}: {}", provider.name(), symbol, e.toString());
                                    return Mono.empty();
                                }))
                        .filter(listing -> listing.nameEn() != null)
                        .next()))
                // A rate limit or a refused key stops the run (the next one tries again); what was named is kept.
                .onErrorResume(ProviderException.class, e -> {
                    log.info("English names paused until the next run: {}", e.toString());
                    return Mono.empty();
                })
                .buffer(NAMES_PER_WRITE)
                .concatMap(named -> master.apply(Market.KRX, named, false).map(SymbolMaster.Applied::written))
                .reduce(0L, Long::sum);
    }

    /** Fetches and writes every market's listings now; returns the rows written. */
    Mono<Long> refresh() {
        if (providers.isEmpty()) {
            log.warn("no QuoteProvider is configured: the symbol master cannot be refreshed");
            return Mono.just(0L);
        }
        return Flux.fromArray(Market.values()).concatMap(this::refresh).reduce(0L, Long::sum);
    }

    private Mono<Long> refresh(Market market) {
        List<QuoteProvider> listing = providers.stream()
                .filter(provider -> provider.markets().contains(market))
                .toList();
        if (listing.isEmpty()) {
            return Mono.just(0L);
        }
        List<Listing> all = new ArrayList<>();
        boolean[] complete = {true};
        return Flux.fromIterable(listing)
                .concatMap(provider -> provider.listings(market)
                        .collectList()
                        .doOnNext(all::addAll)
                        .onErrorResume(e -> {
                            log.warn("{} listings of {} failed: {}", provider.name(), market, e.toString());
                            complete[0] = false;
                            return Mono.empty();
                        }))
                .then(Mono.defer(() -> all.isEmpty()
                        ? Mono.just(0L)
                        : master.apply(market, all, complete[0]).map(SymbolMaster.Applied::written)));
    }
}
