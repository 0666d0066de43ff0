package dev.tarsspeedy.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "JSON shapes" block is the shapes {@link MarketApiContractIT} checks the answers against: the consumers'
 * authors read the README, so it must not drift from what the service answers.
 */
class MarketApiShapesDocumentedTest {

    private static final Pattern LINE = Pattern.compile("^(\\w+)\\s+\\{(.*)}\\s*$");

    @Test
    void theReadmeWritesEveryShapeAsTheContractTestChecksIt() throws IOException {
        Map<String, String> documented = documented(Files.readAllLines(Path.of("README.md")));

        assertThat(documented.keySet()).containsExactlyElementsOf(MarketApiShapes.WRITTEN.keySet());
        documented.forEach((shape, written) -> assertThat(MarketApiShapes.members(written))
                .as("the README's %s", shape)
                .containsExactlyElementsOf(MarketApiShapes.shape(shape)));
    }

    @Test
    void membersAreReadWithTheShapesTheyHold() {
        assertThat(MarketApiShapes.members("a, b: [c], d: e, f: [string]"))
                .containsExactly(
                        new MarketApiShapes.Member("a", null, false),
                        new MarketApiShapes.Member("b", "c", true),
                        new MarketApiShapes.Member("d", "e", false),
                        new MarketApiShapes.Member("f", null, true));
        // Every shape a member names is itself written down.
        MarketApiShapes.WRITTEN
                .keySet()
                .forEach(shape -> assertThat(MarketApiShapes.shape(shape)).allSatisfy(member -> {
                    if (member.shape() != null) {
                        assertThat(MarketApiShapes.WRITTEN).containsKey(member.shape());
                    }
                }));
    }

    /** The lines {@code name {members}} of the first {@code text} block after the "JSON shapes" paragraph. */
    private static Map<String, String> documented(List<String> readme) {
        Map<String, String> shapes = new LinkedHashMap<>();
        boolean section = false;
        boolean block = false;
        for (String line : readme) {
            if (!section) {
                section = line.startsWith("**JSON shapes.**");
            } else if (!block) {
                block = line.equals("```text");
            } else if (line.equals("```")) {
                break;
            } else {
                Matcher shape = LINE.matcher(line);
                assertThat(shape.matches()).as("a shape line: %s", line).isTrue();
                assertThat(shapes.put(shape.group(1), shape.group(2)))
                        .as("%s written once", shape.group(1))
                        .isNull();
            }
        }
        assertThat(shapes).as("the README's JSON shapes block").isNotEmpty();
        return shapes;
    }
}
