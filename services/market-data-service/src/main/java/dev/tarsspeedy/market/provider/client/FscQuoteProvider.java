package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.FscSettings;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderBudgets;
import dev.tarsspeedy.market.provider.ProviderCalls;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.provider.ProviderSelection;
import dev.tarsspeedy.market.provider.QuoteProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * FSC on data.go.kr: KRX end-of-day prices and daily history ({@code GetStockSecuritiesInfoService/getStockPriceInfo})
 * and the KRX listings ({@code GetKrxListedInfoService/getItemInfo}). A quote is the last published day's close,
 * {@code endOfDay} with {@code asOf} that day's 15:30 KST: day D is published from 13:00 KST of the next business day,
 * so the adapter asks for a range of recent days and takes the latest it gets. Every call takes a permit of the FSC
 * budget first; resultCode 22 pauses FSC for its back-off.
 */
@Component
class FscQuoteProvider implements QuoteProvider {

    private static final ProviderName FSC = ProviderName.FSC;
    static final String PRICES = "/1160100/service/GetStockSecuritiesInfoService/getStockPriceInfo";
    static final String LISTINGS = "/1160100/service/GetKrxListedInfoService/getItemInfo";
    private static final int HISTORY_PAGE = 400;
    private static final int LISTING_PAGE = 5000;

    private final FscSettings settings;
    private final ProviderHttp http;
    private final ProviderBudgets budgets;
    private final ProviderCalls calls;
    private final Clock clock;
    private final boolean live;
    private final String serviceKey;

    FscQuoteProvider(
            FscSettings settings,
            ProviderSelection selection,
            WebClient.Builder builder,
            ProviderBudgets budgets,
            ProviderCalls calls,
            Clock clock) {
        this.settings = settings;
        ProviderSelection.Endpoint endpoint = selection.endpoint(FSC);
        this.live = endpoint.live();
        this.serviceKey = live ? settings.serviceKey() : "stand-in-service-key";
        this.http = new ProviderHttp(FSC, builder, endpoint.baseUrl(), settings.timeout());
        this.budgets = budgets;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public ProviderName name() {
        return FSC;
    }

    @Override
    public Set<Market> markets() {
        return Set.of(Market.KRX);
    }

    @Override
    public int maxSymbolsPerCall() {
        return 1;
    }

    @Override
    public boolean endOfDay() {
        return true;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public Mono<List<ProviderQuote>> quotes(List<Symbol> symbols) {
        LocalDate today = clock.instant().atZone(Market.KRX.zone()).toLocalDate();
        LocalDate from = today.minusDays(settings.lookBack().toDays());
        return Flux.fromIterable(symbols.stream().distinct().toList())
                .concatMap(symbol -> {
                    Map<String, String> query = query(1, 50);
                    query.put("likeSrtnCd", symbol.code());
                    query.put("beginBasDt", from.format(FscResponses.DAY));
                    return call(PRICES, query)
                            .map(answer -> FscResponses.latestQuote(
                                    symbol, answer.page().items(), answer.simulated()))
                            .flatMap(Mono::justOrEmpty);
                })
                .collectList();
    }

    /** Every bar from {@code from} to {@code to} (both inclusive; FSC's {@code endBasDt} is exclusive), page by page. */
    @Override
    public Flux<DailyBar> history(Symbol symbol, LocalDate from, LocalDate to) {
        if (symbol.market() != Market.KRX || to.isBefore(from)) {
            return Flux.empty();
        }
        return historyPage(symbol, from, to, 1)
                .expand(page -> page.hasMore() ? historyPage(symbol, from, to, page.number() + 1) : Mono.empty())
                .flatMapIterable(page -> FscResponses.bars(symbol, page.rows()))
                .sort(Comparator.comparing(DailyBar::date));
    }

    private record HistoryPage(int number, List<JsonNode> rows, boolean hasMore) {}

    private Mono<HistoryPage> historyPage(Symbol symbol, LocalDate from, LocalDate to, int number) {
        Map<String, String> query = query(number, HISTORY_PAGE);
        query.put("likeSrtnCd", symbol.code());
        query.put("beginBasDt", from.format(FscResponses.DAY));
        query.put("endBasDt", to.plusDays(1).format(FscResponses.DAY));
        return call(PRICES, query)
                .map(answer -> new HistoryPage(
                        number,
                        answer.page().items(),
                        (long) number * HISTORY_PAGE < answer.page().totalCount()
                                && !answer.page().items().isEmpty()));
    }

    /**
     * The KOSPI and KOSDAQ listings of the latest day FSC has published: today's list, else the day before, back to
     * the look-back (a weekend or holiday answers {@code items ""}).
     */
    @Override
    public Flux<Listing> listings(Market market) {
        if (market != Market.KRX) {
            return Flux.empty();
        }
        LocalDate today = clock.instant().atZone(Market.KRX.zone()).toLocalDate();
        long days = settings.lookBack().toDays();
        return Flux.range(0, (int) days + 1)
                .concatMap(back -> listingsOf(today.minusDays(back)).collectList(), 1)
                .filter(list -> !list.isEmpty())
                .next()
                .flatMapIterable(list -> list);
    }

    private Flux<Listing> listingsOf(LocalDate day) {
        return listingPage(day, 1)
                .expand(page -> page.hasMore() ? listingPage(day, page.number() + 1) : Mono.empty())
                .flatMapIterable(page -> page.rows().stream()
                        .map(FscResponses::listing)
                        .flatMap(Optional::stream)
                        .toList());
    }

    private Mono<HistoryPage> listingPage(LocalDate day, int number) {
        Map<String, String> query = query(number, LISTING_PAGE);
        query.put("basDt", day.format(FscResponses.DAY));
        return call(LISTINGS, query)
                .map(answer -> new HistoryPage(
                        number,
                        answer.page().items(),
                        (long) number * LISTING_PAGE < answer.page().totalCount()
                                && !answer.page().items().isEmpty()));
    }

    private Map<String, String> query(int page, int rows) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("serviceKey", serviceKey);
        query.put("resultType", "json");
        query.put("numOfRows", Integer.toString(rows));
        query.put("pageNo", Integer.toString(page));
        return query;
    }

    private record Read(FscResponses.Page page, boolean simulated) {}

    /** One call: a permit, the request, the answer read; resultCode 22 pauses FSC for every instance. */
    private Mono<Read> call(String path, Map<String, String> query) {
        return budgets.acquire(FSC)
                .then(http.get(path, query, headers -> {}))
                .flatMap(answer -> {
                    try {
                        return Mono.just(
                                new Read(FscResponses.page(answer.status(), answer.body()), answer.simulated()));
                    } catch (ProviderException.RateLimited limited) {
                        return budgets.backOff(FSC).then(Mono.error(limited));
                    }
                })
                .onErrorMap(
                        error -> !(error instanceof ProviderException),
                        error -> new ProviderException.Unavailable(FSC, "unreadable answer: " + error, error))
                .doOnSuccess(read -> calls.succeeded(FSC))
                .doOnError(error -> calls.failed(FSC, error));
    }
}
