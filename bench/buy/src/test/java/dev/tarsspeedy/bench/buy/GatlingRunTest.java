package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.events.EventJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatlingRunTest {

    @Test
    void readsTheGlobalFiguresOfGatlingsStatsJson() {
        String json = """
                {"type":"GROUP","name":"All Requests","stats":{
                  "numberOfRequests":{"total":60000,"ok":59990,"ko":10},
                  "maxResponseTime":{"total":412,"ok":300,"ko":412},
                  "percentiles1":{"total":3,"ok":3,"ko":5},
                  "percentiles4":{"total":87,"ok":80,"ko":400},
                  "meanNumberOfRequestsPerSecond":{"total":983.6,"ok":983.4,"ko":0.2}}}
                """;

        GatlingRun.Figures figures = GatlingRun.figures(
                EventJson.mapper().readTree(json),
                Map.of("accepted", 100L, "refused", 59_890L, "otherStatus", 10L),
                Path.of("index.html"));

        assertThat(figures.requests()).isEqualTo(60_000);
        assertThat(figures.ko()).isEqualTo(10);
        assertThat(figures.throughput()).isEqualTo(983.6);
        assertThat(figures.p50Millis()).isEqualTo(3);
        assertThat(figures.p99Millis()).isEqualTo(87);
        assertThat(figures.maxMillis()).isEqualTo(412);
        assertThat(figures.accepted()).isEqualTo(100);
        assertThat(figures.refused()).isEqualTo(59_890);
        assertThat(figures.noResponse()).isZero();
    }
}
