package dev.tarsspeedy.bench.buy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuUsageTest {

    @Test
    void busyTimeIsEverythingButIdleAndIowait() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertThat(CpuUsage.busyTicks("cpu  100 2 30 5000 40 1 2 3 0 0")).isEqualTo(138);
    }
}
