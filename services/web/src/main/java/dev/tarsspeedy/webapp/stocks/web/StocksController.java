package dev.tarsspeedy.webapp.stocks.web;

import dev.tarsspeedy.webapp.ApiRefused;
import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.pages.web.ApiCalls;
import dev.tarsspeedy.webapp.pages.web.Pages;
import dev.tarsspeedy.webapp.stocks.client.MarketClient;
import dev.tarsspeedy.webapp.stocks.client.WatchlistClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * TARS's stocks: search with suggestions as you type (code, name, 초성), the watchlist with live prices (the page
 * follows the public quote stream itself), and a stock's page with its chart (the page reads the public price history).
 */
@Controller
class StocksController {

    /** Suggestions shown while typing: a short list, the search page shows more. */
    static final int SUGGESTIONS = 8;

    static final int RESULTS = 30;

    /** The market-data service's {@code maxStreamSymbols}: the most symbols one quote stream follows. */
    static final int STREAM_SYMBOLS = 20;

    private final MarketClient market;
    private final WatchlistClient watchlist;
    private final Sessions sessions;

    StocksController(MarketClient market, WatchlistClient watchlist, Sessions sessions) {
        this.market = market;
        this.watchlist = watchlist;
        this.sessions = sessions;
    }

    @GetMapping("/stocks")
    Mono<String> search(@RequestParam(required = false) String q, ServerWebExchange exchange, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        return find(q, RESULTS, exchange, model).thenReturn("stocks/search");
    }

    /** The suggestions list alone, for htmx to swap in below the search box. */
    @GetMapping("/stocks/suggest")
    Mono<String> suggest(@RequestParam(required = false) String q, ServerWebExchange exchange, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        return find(q, SUGGESTIONS, exchange, model).thenReturn("stocks/search :: suggestions");
    }

    @GetMapping("/stocks/{symbol}")
    Mono<String> stock(@PathVariable String symbol, ServerWebExchange exchange, Model model) {
        return market.listing(Sessions.language(exchange), symbol)
                .onErrorMap(ApiCalls::refusal)
                .flatMap(listing -> {
                    model.addAttribute("listing", listing);
                    return market.quotes(Sessions.language(exchange), listing.symbol())
                            .onErrorMap(ApiCalls::refusal)
                            .map(quotes -> quotes.quotes().isEmpty()
                                    ? "stocks/stock"
                                    : with(model, "quote", quotes.quotes().getFirst(), "stocks/stock"));
                });
    }

    @GetMapping("/watchlist")
    Mono<String> watchlist(ServerWebExchange exchange, Model model) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> watchlist.watchlist(bearer, Sessions.language(exchange)))
                .onErrorMap(ApiCalls::refusal)
                .map(list -> {
                    model.addAttribute("items", list.items());
                    model.addAttribute("quotesAvailable", list.quotesAvailable());
                    model.addAttribute("streams", streams(list.items()));
                    return "stocks/watchlist";
                });
    }

    /** The watch form: the stock's code (a form field: {@code @RequestParam} reads only the query in WebFlux). */
    record WatchForm(String symbol) {}

    /** Adds a stock from the search (or a stock's page) and shows the watchlist with it. */
    @PostMapping("/watchlist")
    Mono<String> add(@ModelAttribute WatchForm form, ServerWebExchange exchange, Model model) {
        String code = form.symbol() == null ? "" : form.symbol().strip();
        return sessions.bearer(exchange)
                .flatMap(bearer -> watchlist.add(bearer, Sessions.language(exchange), code))
                .onErrorMap(ApiCalls::refusal)
                .then(Pages.seeOther("/watchlist?added=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("problem", refused.problem());
                    model.addAttribute("q", code);
                    exchange.getResponse()
                            .setStatusCode(HttpStatus.valueOf(refused.problem().status()));
                    return find(code, RESULTS, exchange, model).thenReturn("stocks/search");
                });
    }

    /** Removes a stock; its price alerts keep firing (they are managed on the alerts page). */
    @PostMapping("/watchlist/{symbol}/remove")
    Mono<String> remove(@PathVariable String symbol, ServerWebExchange exchange) {
        return sessions.bearer(exchange)
                .flatMap(bearer -> watchlist.remove(bearer, Sessions.language(exchange), symbol, "keep"))
                .onErrorMap(ApiCalls::refusal)
                .then(Pages.seeOther("/watchlist?removed"));
    }

    /** Searches when there is something to search for; a refused query (control characters, too long) is shown. */
    private Mono<Void> find(String q, int size, ServerWebExchange exchange, Model model) {
        if (q == null || q.isBlank()) {
            model.addAttribute("results", List.of());
            return Mono.empty();
        }
        return market.search(Sessions.language(exchange), q.strip(), size)
                .onErrorMap(ApiCalls::refusal)
                .doOnNext(page -> {
                    model.addAttribute("results", page.items());
                    model.addAttribute("total", page.total());
                })
                .onErrorResume(ApiRefused.class, refused -> {
                    model.addAttribute("results", List.of());
                    model.addAttribute("problem", refused.problem());
                    return Mono.empty();
                })
                .then();
    }

    /**
     * The public quote streams of the watched stocks, which the page follows by itself: one per {@link
     * #STREAM_SYMBOLS} stocks, the most one stream follows.
     */
    static List<String> streams(List<WatchlistClient.Item> items) {
        List<String> streams = new ArrayList<>();
        for (int from = 0; from < items.size(); from += STREAM_SYMBOLS) {
            streams.add("/api/market/quotes/stream?symbols="
                    + items.subList(from, Math.min(items.size(), from + STREAM_SYMBOLS)).stream()
                            .map(item -> URLEncoder.encode(item.symbol(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining(",")));
        }
        return streams;
    }

    private static String with(Model model, String name, Object value, String view) {
        model.addAttribute(name, value);
        return view;
    }
}
