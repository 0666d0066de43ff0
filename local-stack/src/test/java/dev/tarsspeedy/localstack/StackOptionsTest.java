package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackOptionsTest {

    @Test
    void defaultsToKeptDataInTheRepository() {
        assertThat(StackOptions.parse(new String[0]))
                .isEqualTo(new StackOptions(Path.of(".local-stack"), false, false, false));
    }

    @Test
    void readsFreshAndHome() {
        assertThat(StackOptions.parse(new String[] {"--fresh", "--home", "/srv/stack", "--free-ports"}))
                .isEqualTo(new StackOptions(Path.of("/srv/stack"), true, true, false));
    }

    @Test
    void refusesUnknownOptionsWithTheUsage() {
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--frsh"}))
                .hasMessageContaining("unknown option --frsh")
                .hasMessageContaining("usage: ./stack");
        assertThatThrownBy(() -> StackOptions.parse(new String[] {"--home"})).hasMessageContaining("needs a folder");
    }
}
