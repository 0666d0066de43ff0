package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingRunTest {

    @Test
    void readsTheFiguresTheSimulationWrote(@TempDir Path folder) throws Exception {
        Path counts = folder.resolve("counts.properties");
        Files.writeString(counts, """
                accepted=100
                refused=59890
                otherStatus=7
                noResponse=3
                firstStartMillis=1000
                lastEndMillis=61000
                measured=60000
                p50Micros=3200
                p99Micros=87000
                maxMicros=412000
                refusedP50Micros=1500
                refusedP99Micros=9000
                refusedFirstStartMillis=2000
                refusedLastEndMillis=61890
                warmupMeasured=20000
                warmupP50Micros=450000
                warmupP99Micros=2500000
                warmupErrors=12
                """);

        Map<String, Long> read = GatlingRun.readCounts(counts);
        GatlingRun.Figures figures = GatlingRun.figures(read, Path.of("index.html"));

        assertThat(figures.requests()).isEqualTo(60_000);
        assertThat(figures.throughput()).isEqualTo(1000.0);
        assertThat(figures.p50Millis()).isEqualTo(3.2);
        assertThat(figures.p99Millis()).isEqualTo(87);
        assertThat(figures.maxMillis()).isEqualTo(412);
        assertThat(figures.accepted()).isEqualTo(100);
        assertThat(figures.refused()).isEqualTo(59_890);
        assertThat(figures.otherStatus() + figures.noResponse()).isEqualTo(10);
        // The refusals alone: 59,890 over the 59.89 s from the first refused arrival to the last refusal.
        assertThat(figures.flood().refusals()).isEqualTo(59_890);
        assertThat(figures.flood().throughput()).isEqualTo(1000.0);
        assertThat(figures.flood().p50Millis()).isEqualTo(1.5);
        assertThat(figures.flood().p99Millis()).isEqualTo(9);
        assertThat(figures.warmUp()).isEqualTo(new GatlingRun.WarmUp(20_000, 450, 2500, 12));
    }

    @Test
    void aRunWithoutRefusalsHasNoFlood(@TempDir Path folder) throws Exception {
        Path counts = folder.resolve("counts.properties");
        Files.writeString(counts, "accepted=10\nrefused=0\nmeasured=10\n");

        GatlingRun.Figures figures = GatlingRun.figures(GatlingRun.readCounts(counts), Path.of("index.html"));

        assertThat(figures.flood()).isEqualTo(GatlingRun.Flood.NONE);
    }
}
