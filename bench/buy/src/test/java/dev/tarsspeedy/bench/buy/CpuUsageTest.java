package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CpuUsageTest {

    @Test
    void busyTimeIsEverythingButIdleAndIowait() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertThat(CpuUsage.busyTicks("cpu  100 2 30 5000 40 1 2 3 0 0")).isEqualTo(138);
    }

    @Test
    void perAttemptFiguresDivideEachProcesssCpuByTheAttempts() {
        CpuUsage cpu = new CpuUsage();
        cpu.start(Map.of());
        long spin = System.nanoTime() + 300_000_000L;
        double sink = 0;
        while (System.nanoTime() < spin) {
            sink += Math.sqrt(sink + 1);
        }
        cpu.stop();

        String summary = cpu.summary(1_000);
        // This JVM spun for 0.3 s: at least 0.1 CPU s over 1,000 attempts is at least 100 µs each.
        Matcher line = Pattern.compile("bench driver \\(this JVM\\)\\s+([0-9.]+) CPU s.*?\\s([0-9]+) µs/attempt")
                .matcher(summary);
        assertThat(line.find()).as(summary).isTrue();
        double seconds = Double.parseDouble(line.group(1));
        assertThat(seconds).isGreaterThan(0.1);
        assertThat(Long.parseLong(line.group(2)))
                .isCloseTo(Math.round(seconds * 1000), within(60L)); // seconds are printed to 0.1
        assertThat(cpu.summary()).doesNotContain("µs/attempt");
        assertThat(sink).isPositive();
    }
}
