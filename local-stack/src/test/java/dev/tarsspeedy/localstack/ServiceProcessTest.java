package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void servicesRunWithTheStacksJvmOptionsUnlessTheirEnvironmentNamesOthers() {
        assertThat(ServiceProcess.jvmOptions(Map.of())).containsExactly("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC");
        assertThat(ServiceProcess.jvmOptions(Map.of(ServiceProcess.JVM_OPTIONS_VARIABLE, "  ")))
                .isEqualTo(ServiceProcess.JVM_OPTIONS);
        assertThat(ServiceProcess.jvmOptions(
                        Map.of(ServiceProcess.JVM_OPTIONS_VARIABLE, " -Xmx1g  -XX:+UseParallelGC ")))
                .containsExactly("-Xmx1g", "-XX:+UseParallelGC");
    }
}
