package dev.tarsspeedy.market.provider.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.market.Symbol;
import dev.tarsspeedy.market.provider.ProviderQuote;
import dev.tarsspeedy.platform.test.MutableClock;
import dev.tarsspeedy.standin.market.MarketStandIn;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A token storm is impossible: three service instances (each with its own Redis connection and HTTP client) start at
 * once against one Redis and KIS sees one token issue; restarted, they reuse the cached token and KIS sees none.
 */
@RealInfrastructure(Infrastructure.Server.REDIS)
class KisTokenStormIT {

    private static final Symbol SAMSUNG = Symbol.parse("005930");

    private final MutableClock clock = new MutableClock();
    private MarketStandIn market;

    @BeforeEach
    void start() {
        market = StandInMarket.start(clock);
    }

    @AfterEach
    void stop() {
        market.close();
    }

    private List<ProviderInstance> startThree() {
        return IntStream.range(0, 3)
                .mapToObj(i -> new ProviderInstance(ProviderInstance.keyed(market.baseUrl()), clock))
                .toList();
    }

    private static List<List<ProviderQuote>> quoteAtOnce(List<ProviderInstance> instances) {
        return Flux.fromIterable(instances)
                .flatMap(instance -> instance.kis.quotes(List.of(SAMSUNG)))
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    @Test
    void threeInstancesStartingAtOnceIssueOneTokenAndARestartIssuesNone() {
        List<ProviderInstance> first = startThree();
        first.getFirst().clearRedis();

        List<List<ProviderQuote>> answers = quoteAtOnce(first);

        assertThat(answers).hasSize(3).allSatisfy(quotes -> assertThat(quotes).hasSize(1));
        assertThat(market.calls().tokenIssues()).isEqualTo(1);
        first.forEach(ProviderInstance::close);

        List<ProviderInstance> restarted = startThree();
        try {
            assertThat(quoteAtOnce(restarted)).hasSize(3);
            assertThat(market.calls().tokenIssues())
                    .as("the restart reuses the cached token")
                    .isEqualTo(1);
        } finally {
            restarted.forEach(ProviderInstance::close);
        }
    }
}
