package dev.tarsspeedy.infra.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkPortsTest {

    @Test
    void freePortsAreDistinctBindableAndOutsideTheEphemeralRange() throws IOException {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralStart = Files.exists(range)
                ? Integer.parseInt(Files.readAllLines(range).getFirst().trim().split("\\s+")[0])
                : 32_768;
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = NetworkPorts.freePort();
            assertThat(ports.add(port)).as("handed out twice: %d", port).isTrue();
            if (ephemeralStart > 21_000) {
                assertThat(port).isBetween(20_000, ephemeralStart - 1);
            }
        }
        int port = ports.iterator().next();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(NetworkPorts.LOOPBACK, port));
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
