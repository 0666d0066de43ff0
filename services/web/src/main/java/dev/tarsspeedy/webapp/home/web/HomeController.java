package dev.tarsspeedy.webapp.home.web;

import dev.tarsspeedy.webapp.account.web.Sessions;
import dev.tarsspeedy.webapp.drops.client.CatalogClient;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The home page: what TARS and Speedy are, and the drops on sale now and next. */
@Controller
class HomeController {

    private final CatalogClient catalog;

    HomeController(CatalogClient catalog) {
        this.catalog = catalog;
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
        return Mono.zip(open, upcoming).map(both -> {
            model.addAttribute("open", both.getT1());
            model.addAttribute("upcoming", both.getT2());
            return "home";
        });
    }
}
