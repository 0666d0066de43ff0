package dev.tarsspeedy.standin.market;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The switches over HTTP, no key needed (documented in the module's README):
 *
 * <ul>
 *   <li>{@code GET /control}: what is switched on; {@code DELETE /control}: every switch off
 *   <li>{@code POST /control/down} {@code {"provider":"KIS","mode":"HTTP_503"|"DROP"}}, {@code POST /control/up}
 *       {@code {"provider":"KIS"}}
 *   <li>{@code POST /control/slow} {@code {"provider":"FSC","delayMillis":3000}}
 *   <li>{@code POST /control/bad-key} {@code {"provider":"FINNHUB"}}
 *   <li>{@code POST /control/zeros} {@code {"provider":"KIS"}} or {@code {"symbol":"005930"}}
 *   <li>{@code POST /control/stale} {@code {"provider":"FINNHUB","ageSeconds":3600}}
 *   <li>{@code POST /control/price} {@code {"symbol":"005930","price":71000}}
 *   <li>{@code GET /control/calls}: the call accounting; {@code DELETE /control/calls}: zeroes it
 * </ul>
 */
final class ControlApi {

    private final MarketStandIn market;

    ControlApi(MarketStandIn market) {
        this.market = market;
    }

    void handle(Http http) throws IOException {
        String what = http.path.equals("/control") ? "" : http.path.substring("/control/".length());
        Controls controls = market.controls();
        try {
            switch (http.method + " " + what) {
                case "GET " -> http.json(200, controls.describe());
                case "DELETE " -> {
                    controls.reset();
                    http.noContent();
                }
                case "GET calls" -> http.json(200, market.calls().describe());
                case "DELETE calls" -> {
                    market.calls().reset();
                    http.noContent();
                }
                case "POST down" -> {
                    JsonNode body = body(http);
                    String mode = body.path("mode").asString("HTTP_503");
                    controls.down(provider(body), Outage.valueOf(mode.toUpperCase(Locale.ROOT)));
                    done(http, controls);
                }
                case "POST up" -> {
                    controls.up(provider(body(http)));
                    done(http, controls);
                }
                case "POST slow" -> {
                    JsonNode body = body(http);
                    controls.slow(
                            provider(body),
                            Duration.ofMillis(required(body, "delayMillis").asLong()));
                    done(http, controls);
                }
                case "POST bad-key" -> {
                    controls.badKey(provider(body(http)));
                    done(http, controls);
                }
                case "POST zeros" -> {
                    JsonNode body = body(http);
                    if (body.hasNonNull("symbol")) {
                        controls.zeros(body.get("symbol").asString());
                    } else {
                        controls.zeros(provider(body));
                    }
                    done(http, controls);
                }
                case "POST stale" -> {
                    JsonNode body = body(http);
                    long seconds = body.path("ageSeconds").asLong(3600);
                    controls.stale(provider(body), Duration.ofSeconds(seconds));
                    done(http, controls);
                }
                case "POST price" -> {
                    JsonNode body = body(http);
                    String symbol = required(body, "symbol").asString();
                    if (market.master().find(symbol).isEmpty()) {
                        throw new IllegalArgumentException("unknown symbol " + symbol);
                    }
                    controls.price(
                            symbol, new BigDecimal(required(body, "price").asString()));
                    done(http, controls);
                }
                default -> http.json(404, Map.of("error", "no such control: " + http.method + " " + http.path));
            }
        } catch (IllegalArgumentException e) {
            http.json(400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static void done(Http http, Controls controls) throws IOException {
        http.json(200, controls.describe());
    }

    private static JsonNode body(Http http) throws IOException {
        JsonNode body = http.jsonBody();
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return body;
    }

    private static JsonNode required(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return node;
    }

    private static Provider provider(JsonNode body) {
        return Provider.valueOf(required(body, "provider").asString().toUpperCase(Locale.ROOT));
    }
}
