package dev.tarsspeedy.alert.interest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.alert.pricealert.PriceAlertTestBase;
import dev.tarsspeedy.contracts.alert.SymbolInterestChanged;
import dev.tarsspeedy.platform.events.EventEnvelope;
import dev.tarsspeedy.platform.test.TopicReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@code SymbolInterestChanged} on its compacted topic, keyed by the symbol: the symbol's whole state after every watch,
 * unwatch, alert creation, deletion and arming change.
 */
class SymbolInterestIT extends PriceAlertTestBase {

    @Test
    void everyChangePublishesTheSymbolsWholeState() {
        String symbol = newSymbol("99");
        User kim = newUser();
        User lee = newUser();

        watch(kim, symbol);
        assertThat(latest(symbol)).satisfies(state -> assertState(state, 1, 0, List.of()));
        watch(lee, symbol);
        assertThat(latest(symbol)).satisfies(state -> assertState(state, 2, 0, List.of()));

        Object above = createAlert(kim, above(symbol, "100")).get("id");
        assertThat(latest(symbol)).satisfies(state -> assertState(state, 2, 1, List.of("100")));
        Map<String, Object> below = above(symbol, "90.5");
        below.put("kind", "PRICE_BELOW");
        createAlert(lee, below);
        createAlert(lee, Map.of("symbol", symbol, "kind", "MOVE_PERCENT", "percent", 4));
        assertThat(latest(symbol)).satisfies(state -> assertState(state, 2, 3, List.of("90.5", "100")));

        delete("/api/watchlist/" + symbol + "?alerts=keep", lee.token())
                .expectStatus()
                .isNoContent();
        assertThat(latest(symbol)).satisfies(state -> assertState(state, 1, 3, List.of("90.5", "100")));

        // Fired (ONCE): no longer armed, its line no longer watched.
        Instant t = clock.instant();
        publish(quote(symbol, "99").at(t.plusSeconds(1)));
        publish(quote(symbol, "101").at(t.plusSeconds(2)));
        assertThat(latest(symbol)).satisfies(state -> assertState(state, 1, 2, List.of("90.5")));

        delete("/api/alerts/" + above, kim.token()).expectStatus().isNoContent();
        assertThat(latest(symbol)).satisfies(state -> assertState(state, 1, 2, List.of("90.5")));
        delete("/api/watchlist/" + symbol + "?alerts=keep", kim.token())
                .expectStatus()
                .isNoContent();
        assertThat(latest(symbol)).satisfies(state -> assertState(state, 0, 2, List.of("90.5")));
    }

    @Test
    void theLinesAreTheSixtyFourNearestTheLastPrice() {
        String symbol = newSymbol("100");
        Instant t = clock.instant();
        publish(quote(symbol, "100").at(t.plusSeconds(1)));
        for (int batch = 0; batch < 14; batch++) {
            User user = newUser();
            for (int i = 0; i < 5; i++) {
                int line = 30 + batch * 5 + i; // 30 ... 99: seventy lines
                createAlert(user, above(symbol, Integer.toString(line)));
            }
        }

        SymbolInterestChanged state = latest(symbol);
        assertThat(state.alerts()).isEqualTo(70);
        assertThat(state.alertLines()).hasSize(SymbolInterestChanged.MAX_LINES);
        assertThat(state.alertLines().getFirst()).isEqualByComparingTo("99");
        assertThat(state.alertLines()).noneMatch(line -> line.compareTo(new BigDecimal("36")) < 0);
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                dev.tarsspeedy.infra.Infrastructure.shared().kafka().bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, SymbolInterestChanged.TOPIC);
            assertThat(admin.describeConfigs(List.of(topic))
                            .all()
                            .get()
                            .get(topic)
                            .get("cleanup.policy")
                            .value())
                    .isEqualTo("compact");
        }
    }

    private static void assertState(SymbolInterestChanged state, int watchers, int alerts, List<String> lines) {
        assertThat(state.watchers()).as("watchers").isEqualTo(watchers);
        assertThat(state.alerts()).as("armed alerts").isEqualTo(alerts);
        assertThat(state.alertLines().stream()
                        .sorted()
                        .map(BigDecimal::toPlainString)
                        .toList())
                .as("lines")
                .isEqualTo(lines);
        assertThat(state.followed()).isEqualTo(watchers + alerts > 0);
    }

    /** The symbol's latest event, once everything committed so far is published. */
    private SymbolInterestChanged latest(String symbol) {
        awaitOutboxDrained();
        List<SymbolInterestChanged> found =
                TopicReader.readAll(SymbolInterestChanged.TOPIC, new ByteArrayDeserializer(), Duration.ofSeconds(20))
                        .stream()
                        .filter(record -> record.key().equals(symbol))
                        .map(record -> EventEnvelope.fromJson(record.value()))
                        .map(envelope -> envelope.payloadAs(SymbolInterestChanged.class))
                        .toList();
        assertThat(found).as("events of " + symbol).isNotEmpty();
        return found.getLast();
    }
}
