package dev.tarsspeedy.webapp.home.web;

import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.drops.client.CatalogClient;
import dev.tarsspeedy.webapp.stocks.client.MarketClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The home page: what TARS and Speedy are, the markets open or closed, and the drops on sale now and next. */
@Controller
class HomeController {

    /** The markets' status is a side note: a slow market service must not hold the home page. */
    static final Duration MARKET_STATUS_WAIT = Duration.ofSeconds(2);

    private final CatalogClient catalog;
    private final MarketClient market;

    HomeController(CatalogClient catalog, MarketClient market) {
        this.catalog = catalog;
        this.market = market;
    }

    @GetMapping("/")
    Mono<String> home(ServerWebExchange exchange, Model model) {
        String language = Sessions.language(exchange);
        // The home page works while the catalog is down: it then says so where the drops would be.
        Mono<List<CatalogClient.Drop>> open = catalog.drops(language, "OPEN", 0, 6)
                .map(CatalogClient.DropPage::content)
                .onErrorResume(error -> Mono.just(List.of()));
        Mono<List<CatalogClient.Drop>> upcoming = catalog.drops(language, "UPCOMING", 0, 6)
                .map(CatalogClient.DropPage::content)
                .doOnError(error -> model.addAttribute("dropsUnavailable", true))
                .onErrorResume(error -> Mono.just(List.of()));
        // Without the market service the home page simply has no market section.
        Mono<Optional<MarketClient.MarketsStatus>> markets = market.status(language)
                .timeout(MARKET_STATUS_WAIT)
                .map(Optional::of)
                .onErrorResume(error -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(open, upcoming, markets).map(all -> {
            model.addAttribute("open", all.getT1());
            model.addAttribute("upcoming", all.getT2());
            model.addAttribute("markets", all.getT3().orElse(null));
            return "home";
        });
    }
}
