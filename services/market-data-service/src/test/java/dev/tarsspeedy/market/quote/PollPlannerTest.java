package dev.tarsspeedy.market.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.interest.Interest;
import dev.tarsspeedy.market.provider.ProviderName;
import dev.tarsspeedy.market.provider.ProviderQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollPlannerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");
    private final PollPlanner planner = new PollPlanner(Duration.ofSeconds(30), 0.02, Duration.ofSeconds(5));

    @Test
    void nearAnAlertLineComesFirstThenNeverFetchedThenTheOldest() {
        Interest near = interest("005930", "70100");
        Interest nearer = interest("000660", "100050");
        Interest fresh = interest("035420");
        Interest never = interest("035720");
        Interest old = interest("005380");
        Interest older = interest("373220");
        Map<Symbol, Quote> latest = Map.of(
                near.symbol(), quote(near.symbol(), "70000", 20),
                nearer.symbol(), quote(nearer.symbol(), "100000", 20),
                fresh.symbol(), quote(fresh.symbol(), "200000", 10),
                old.symbol(), quote(old.symbol(), "250000", 40),
                older.symbol(), quote(older.symbol(), "400000", 90));

        List<Symbol> due = planner.due(List.of(old, fresh, never, near, older, nearer), latest, NOW);

        assertThat(due).containsExactly(nearer.symbol(), near.symbol(), never.symbol(), older.symbol(), old.symbol());
    }

    @Test
    void theNearerTheLineTheSoonerASymbolIsDue() {
        assertThat(planner.interval(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(planner.interval(0.01)).isEqualTo(Duration.ofMillis(17_500));
        assertThat(planner.interval(0.02)).isEqualTo(Duration.ofSeconds(30));

        Interest onTheLine = interest("005930", "70000");
        Interest atTheEdge = interest("000660", "98000");
        Map<Symbol, Quote> latest = Map.of(
                onTheLine.symbol(), quote(onTheLine.symbol(), "70000", 6),
                atTheEdge.symbol(), quote(atTheEdge.symbol(), "100000", 6));

        assertThat(planner.due(List.of(onTheLine, atTheEdge), latest, NOW)).containsExactly(onTheLine.symbol());
    }

    @Test
    void aFreshQuoteFarFromEveryLineIsNotDue() {
        Interest far = interest("005930", "50000", "90000");
        assertThat(planner.due(List.of(far), Map.of(far.symbol(), quote(far.symbol(), "70000", 29)), NOW))
                .isEmpty();
        assertThat(planner.due(List.of(far), Map.of(far.symbol(), quote(far.symbol(), "70000", 30)), NOW))
                .containsExactly(far.symbol());
    }

    private static Interest interest(String symbol, String... lines) {
        return new Interest(
                Symbol.parse(symbol),
                1,
                lines.length,
                java.util.Arrays.stream(lines).map(BigDecimal::new).toList(),
                NOW.minusSeconds(3600));
    }

    private static Quote quote(Symbol symbol, String price, int fetchedSecondsAgo) {
        Instant fetched = NOW.minusSeconds(fetchedSecondsAgo);
        return new Quote(
                new ProviderQuote(
                        symbol,
                        ProviderName.KIS,
                        new BigDecimal(price),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        fetched,
                        false,
                        false),
                Freshness.LIVE,
                LocalDate.of(2026, 12, 7),
                true,
                fetched);
    }
}
