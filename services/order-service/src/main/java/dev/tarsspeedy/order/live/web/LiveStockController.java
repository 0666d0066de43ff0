package dev.tarsspeedy.order.live.web;

import dev.tarsspeedy.order.DropId;
import dev.tarsspeedy.order.live.LiveSettings;
import dev.tarsspeedy.order.live.StockFeed;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live stock as server-sent events (public): {@code remaining} events when the number changes, a comment line every
 * {@code order.live.heartbeat}, and a final {@code closed} event when the drop closes.
 */
@RestController
class LiveStockController {

    private final StockFeed feed;
    private final LiveSettings properties;

    LiveStockController(StockFeed feed, LiveSettings properties) {
        this.feed = feed;
        this.properties = properties;
    }

    @GetMapping(path = "/api/drops/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@PathVariable UUID id) {
        DropId drop = DropId.of(id);
        return feed.drop(drop)
                .switchIfEmpty(Mono.error(() -> LiveProblems.dropNotFound(drop)))
                .flatMapMany(known -> {
                    Flux<ServerSentEvent<Object>> updates = feed.remaining(drop)
                            .map(remaining -> ServerSentEvent.<Object>builder(
                                            Map.of("dropId", id, "remaining", remaining))
                                    .event("remaining")
                                    .build())
                            .concatWith(Mono.just(ServerSentEvent.<Object>builder(Map.of("dropId", id))
                                    .event("closed")
                                    .build()));
                    Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(properties.heartbeat())
                            .map(tick -> ServerSentEvent.<Object>builder()
                                    .comment("")
                                    .build());
                    return Flux.merge(updates, heartbeats).takeUntil(event -> "closed".equals(event.event()));
                });
    }
}
