package dev.tarsspeedy.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void theUsageListsEveryOptionOfTheScriptAndTheLauncher() throws IOException {
        // ./stack reads some options itself (--skip-build) and passes the rest on: --help must show both.
        Set<String> scriptOptions = caseLabels(Files.readString(Path.of("..", "stack")));
        assertThat(scriptOptions).as("options the stack script reads").contains("--skip-build");
        assertThat(options(StackOptions.USAGE)).containsAll(scriptOptions);

        for (String option : options(StackOptions.USAGE)) {
            String[] args = option.equals("--home") ? new String[] {option, "dir"} : new String[] {option};
            assertThat(StackOptions.parse(args)).as(option).isNotNull();
        }
    }

    @Test
    void skipBuildIsAcceptedByTheLauncherAndChangesNothing() {
        assertThat(StackOptions.parse(new String[] {"--skip-build"})).isEqualTo(StackOptions.parse(new String[0]));
    }

    /** The options a shell script's {@code case} handles: lines such as {@code --skip-build) build=false ;;}. */
    private static Set<String> caseLabels(String script) {
        Set<String> labels = new TreeSet<>();
        Matcher label =
                Pattern.compile("(?m)^\\s*(--[a-z][a-z-]*)\\s*(?:\\|[^)]*)?\\)").matcher(script);
        while (label.find()) {
            labels.add(label.group(1));
        }
        return labels;
    }

    private static Set<String> options(String text) {
        Set<String> options = new TreeSet<>();
        Matcher option = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*").matcher(text);
        while (option.find()) {
            options.add(option.group());
        }
        return options;
    }
}
