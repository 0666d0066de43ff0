package dev.tarsspeedy.market.provider.client;

import dev.tarsspeedy.market.Market;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.DailyBar;
import dev.tarsspeedy.market.provider.KisSettings;
import dev.tarsspeedy.market.provider.KisToken;
import dev.tarsspeedy.market.provider.KisTokenStore;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * KIS (Korea Investment &amp; Securities open API): live KRX quotes, one code by {@code inquire-price}
 * ({@code FHKST01010100}) and up to 30 in one call by {@code intstock-multprice} ({@code FHKST11300006}); English
 * names by {@code search-stock-info} ({@code CTPF1002R}). Every call takes a permit of the KIS budget first; an expired
 * or invalid token is re-issued once and the call retried once; {@code EGW00201} pauses KIS for its back-off.
 *
 * <p>KIS's quotation answers carry no time: a live price is the price at the moment of the answer, read on our clock.
 */
@Component
class KisQuoteProvider implements QuoteProvider {

    private static final ProviderName KIS = ProviderName.KIS;
    private static final String QUOTATIONS = "/uapi/domestic-stock/v1/quotations/";
    static final int MAX_CODES = 30;

    private final KisSettings settings;
    private final ProviderHttp http;
    private final KisTokens tokens;
    private final ProviderBudgets budgets;
    private final ProviderCalls calls;
    private final Clock clock;
    private final boolean live;
    private final String appKey;
    private final String appSecret;

    KisQuoteProvider(
            KisSettings settings,
            ProviderSelection selection,
            WebClient.Builder builder,
            KisTokenStore store,
            ProviderBudgets budgets,
            ProviderCalls calls,
            Clock clock) {
        this.settings = settings;
        ProviderSelection.Endpoint endpoint = selection.endpoint(KIS);
        this.live = endpoint.live();
        // the stand-in started without keys accepts any key
        this.appKey = live ? settings.appKey() : "stand-in-app-key";
        this.appSecret = live ? settings.appSecret() : "stand-in-app-secret";
        this.http = new ProviderHttp(KIS, builder, endpoint.baseUrl(), settings.timeout());
        this.tokens = new KisTokens(settings, http, store, budgets, calls, clock, appKey, appSecret);
        this.budgets = budgets;
        this.calls = calls;
        this.clock = clock;
    }

    @Override
    public ProviderName name() {
        return KIS;
    }

    @Override
    public Set<Market> markets() {
        return Set.of(Market.KRX);
    }

    @Override
    public int maxSymbolsPerCall() {
        return MAX_CODES;
    }

    @Override
    public boolean endOfDay() {
        return false;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public Mono<List<ProviderQuote>> quotes(List<Symbol> symbols) {
        if (symbols.isEmpty()) {
            return Mono.just(List.of());
        }
        if (symbols.stream().anyMatch(symbol -> symbol.market() != Market.KRX)) {
            return Mono.error(new IllegalArgumentException("KIS quotes KRX codes only: " + symbols));
        }
        if (symbols.size() == 1) {
            Symbol symbol = symbols.getFirst();
            return call(
                    "inquire-price",
                    "FHKST01010100",
                    Map.of("FID_COND_MRKT_DIV_CODE", "J", "FID_INPUT_ISCD", symbol.code()),
                    (output, answer) -> KisResponses.quote(symbol, output, clock.instant(), answer.simulated())
                            .map(List::of)
                            .orElse(List.of()));
        }
        // one multi-quote call per 30 codes: 30 times fewer calls than one each
        return Flux.fromIterable(chunks(symbols))
                .concatMap(chunk -> call(
                        "intstock-multprice",
                        "FHKST11300006",
                        multiQuery(chunk),
                        (output, answer) -> KisResponses.quotes(chunk, output, clock.instant(), answer.simulated())))
                .flatMapIterable(list -> list)
                .collectList();
    }

    @Override
    public Flux<DailyBar> history(Symbol symbol, LocalDate from, LocalDate to) {
        return Flux.empty(); // FSC keeps KRX history; KIS's daily chart would spend the live budget
    }

    @Override
    public Flux<Listing> listings(Market market) {
        return Flux.empty(); // FSC's listing service is the KRX master; KIS adds English names (listing(symbol))
    }

    @Override
    public Mono<Listing> listing(Symbol symbol) {
        if (symbol.market() != Market.KRX) {
            return Mono.empty();
        }
        return call(
                        "search-stock-info",
                        "CTPF1002R",
                        Map.of("PRDT_TYPE_CD", "300", "PDNO", symbol.code()),
                        (output, answer) -> KisResponses.listing(symbol, output))
                .flatMap(Mono::justOrEmpty);
    }

    /** One quotation call: token, permit, request, {@code rt_cd}/{@code msg_cd} check; a refused token once more. */
    private <T> Mono<T> call(
            String endpoint,
            String trId,
            Map<String, String> query,
            BiFunction<JsonNode, ProviderHttp.Answer, T> read) {
        return tokens.token()
                .flatMap(token -> attempt(endpoint, trId, query, token, read)
                        .onErrorResume(
                                KisResponses.TokenRejected.class,
                                rejected -> tokens.token(token.value())
                                        .flatMap(fresh -> attempt(endpoint, trId, query, fresh, read))
                                        .onErrorMap(
                                                KisResponses.TokenRejected.class,
                                                again -> new ProviderException.Unavailable(
                                                        KIS,
                                                        "a fresh token was refused too: " + again.getMessage(),
                                                        again))))
                .onErrorMap(
                        error -> !(error instanceof ProviderException),
                        error -> new ProviderException.Unavailable(KIS, "unreadable answer: " + error, error));
    }

    private <T> Mono<T> attempt(
            String endpoint,
            String trId,
            Map<String, String> query,
            KisToken token,
            BiFunction<JsonNode, ProviderHttp.Answer, T> read) {
        return budgets.acquire(KIS)
                .then(http.get(QUOTATIONS + endpoint, query, headers -> headers(headers, token, trId)))
                .flatMap(answer -> {
                    try {
                        return Mono.justOrEmpty(
                                read.apply(KisResponses.output(answer.status(), answer.body()), answer));
                    } catch (ProviderException.RateLimited limited) {
                        // KIS's own per-second limit (EGW00201): every instance pauses KIS for the back-off
                        return budgets.backOff(KIS).then(Mono.error(limited));
                    }
                })
                .doOnSuccess(result -> calls.succeeded(KIS))
                .doOnError(error -> calls.failed(KIS, error));
    }

    private void headers(HttpHeaders headers, KisToken token, String trId) {
        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token.value());
        headers.set("appkey", appKey);
        headers.set("appsecret", appSecret);
        headers.set("tr_id", trId);
        headers.set("custtype", "P");
    }

    private static Map<String, String> multiQuery(List<Symbol> chunk) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            query.put("FID_COND_MRKT_DIV_CODE_" + (i + 1), "J");
            query.put("FID_INPUT_ISCD_" + (i + 1), chunk.get(i).code());
        }
        return query;
    }

    private static List<List<Symbol>> chunks(List<Symbol> symbols) {
        List<Symbol> distinct = symbols.stream().distinct().toList();
        List<List<Symbol>> chunks = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += MAX_CODES) {
            chunks.add(distinct.subList(i, Math.min(distinct.size(), i + MAX_CODES)));
        }
        return chunks;
    }
}
