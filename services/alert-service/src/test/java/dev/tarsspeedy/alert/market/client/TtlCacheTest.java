package dev.tarsspeedy.alert.market.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class TtlCacheTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
    private final TtlCache<String, Optional<String>> cache = new TtlCache<>(Duration.ofHours(6), 100, clock);
    private final AtomicInteger calls = new AtomicInteger();

    private Mono<Optional<String>> call(Optional<String> answer) {
        return Mono.fromSupplier(() -> {
            calls.incrementAndGet();
            return answer;
        });
    }

    @Test
    void aKeptAnswerIsAskedForOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(cache.get("005930|ko", () -> call(Optional.of("삼성전자")), Optional::isPresent)
                            .block())
                    .contains("삼성전자");
        }
        assertThat(calls).hasValue(1);
    }

    /** A symbol the market-data service did not list yet (its master still loading) is listed once it is. */
    @Test
    void anAnswerNotToKeepIsAskedForAgainAndTheNextAnswerCounts() {
        assertThat(cache.get("005930|en", () -> call(Optional.empty()), Optional::isPresent)
                        .block())
                .isEmpty();
        assertThat(cache.get("005930|en", () -> call(Optional.of("Samsung Electronics")), Optional::isPresent)
                        .block())
                .contains("Samsung Electronics");
        assertThat(cache.get("005930|en", () -> call(Optional.empty()), Optional::isPresent)
                        .block())
                .contains("Samsung Electronics");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailedCallIsNotKept() {
        assertThat(cache.get("X|en", () -> Mono.<Optional<String>>error(new IllegalStateException("down")))
                        .onErrorReturn(Optional.of("failed"))
                        .block())
                .contains("failed");
        assertThat(cache.get("X|en", () -> call(Optional.of("listed"))).block()).contains("listed");
        assertThat(calls).hasValue(1);
    }
}
