package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.FinnhubSettings;
import dev.tarsspeedy.market.provider.Listing;
import dev.tarsspeedy.market.provider.ProviderBudgets;
import dev.tarsspeedy.market.provider.ProviderCalls;
import dev.tarsspeedy.market.provider.ProviderException;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.market.provider.ProviderSelection;
import dev.tarsspeedy.market.provider.QuoteProvider;
import dev.tarsspeedy.market.provider.YearHighLow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Finnhub: US quotes ({@code /api/v1/quote}, one symbol a call) and the US symbol master ({@code
 * /api/v1/stock/symbol?exchange=US}). The free tier allows 60 calls a minute: every call takes a permit of the Finnhub
 * budget first; a 429 pauses Finnhub for its back-off. History is not on the free tier (the service keeps US closes
 * itself), so the 52-week high and low come from its basic financials ({@code /api/v1/stock/metric?metric=all}).
 */
@Component
class FinnhubQuoteProvider implements QuoteProvider {

    private static final ProviderName FINNHUB = ProviderName.FINNHUB;

    private final ProviderHttp http;
    private final ProviderBudgets budgets;
    private final ProviderCalls calls;
    private final boolean live;
    private final String token;

    FinnhubQuoteProvider(
            FinnhubSettings settings,
            ProviderSelection selection,
            WebClient.Builder builder,
            ProviderBudgets budgets,
            ProviderCalls calls) {
        ProviderSelection.Endpoint endpoint = selection.endpoint(FINNHUB);
        this.live = endpoint.live();
        this.token = live ? settings.token() : "stand-in-token";
        this.http = new ProviderHttp(FINNHUB, builder, endpoint.baseUrl(), settings.timeout());
        this.budgets = budgets;
        this.calls = calls;
    }

    @Override
    public ProviderName name() {
        return FINNHUB;
    }

    @Override
    public Set<Market> markets() {
        return Set.of(Market.US);
    }

    @Override
    public int maxSymbolsPerCall() {
        return 1;
    }

    @Override
    public boolean endOfDay() {
        return false;
    }

    @Override
    public boolean live() {
        return live;
    }

    /** One call per symbol, one after the other (each within the budget); a failure ends the batch. */
    @Override
    public Mono<List<ProviderQuote>> quotes(List<Symbol> symbols) {
        if (symbols.stream().anyMatch(symbol -> symbol.market() != Market.US)) {
            return Mono.error(new IllegalArgumentException("Finnhub quotes US tickers only: " + symbols));
        }
        return Flux.fromIterable(symbols.stream().distinct().toList())
                .concatMap(symbol -> call(
                                "/api/v1/quote",
                                Map.of("symbol", symbol.code()),
                                read -> FinnhubResponses.quote(symbol, read.json(), read.simulated()))
                        .flatMap(Mono::justOrEmpty))
                .collectList();
    }

    @Override
    public Flux<DailyBar> history(Symbol symbol, LocalDate from, LocalDate to) {
        return Flux.empty(); // /stock/candle is not on the free tier (HTTP 403)
    }

    @Override
    public boolean keepsYearRange() {
        return true;
    }

    @Override
    public Mono<YearHighLow> yearRange(Symbol symbol) {
        if (symbol.market() != Market.US) {
            return Mono.empty();
        }
        return call(
                "/api/v1/stock/metric",
                Map.of("symbol", symbol.code(), "metric", "all"),
                read -> FinnhubResponses.yearRange(symbol, read.json()).orElse(null));
    }

    @Override
    public Flux<Listing> listings(Market market) {
        if (market != Market.US) {
            return Flux.empty();
        }
        return call("/api/v1/stock/symbol", Map.of("exchange", "US"), read -> FinnhubResponses.listings(read.json()))
                .flatMapIterable(list -> list);
    }

    private record Read(JsonNode json, boolean simulated) {}

    /** One call: a permit, the request with the token header, the answer read; a 429 pauses Finnhub. */
    private <T> Mono<T> call(String path, Map<String, String> query, Function<Read, T> read) {
        return budgets.acquire(FINNHUB)
                .then(http.get(path, query, headers -> headers.set("X-Finnhub-Token", token)))
                .flatMap(answer -> {
                    try {
                        return Mono.justOrEmpty(read.apply(new Read(
                                FinnhubResponses.success(answer.status(), answer.body()), answer.simulated())));
                    } catch (ProviderException.RateLimited limited) {
                        return budgets.backOff(FINNHUB).then(Mono.error(limited));
                    }
                })
                .onErrorMap(
                        error -> !(error instanceof ProviderException),
                        error -> new ProviderException.Unavailable(FINNHUB, "unreadable answer: " + error, error))
                .doOnSuccess(result -> calls.succeeded(FINNHUB))
                .doOnError(error -> calls.failed(FINNHUB, error));
    }
}
