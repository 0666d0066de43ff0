package dev.tarsspeedy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The README's settings table is the operator's list of what can be set: every environment variable
 * {@code application.yml} reads is in it with its default, and nothing else is.
 */
class SettingsDocumentedTest {

    private static final Pattern READ = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern PLAIN_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^${}]+)}");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\| ([^|]*) \\|");

    @Test
    void everyVariableApplicationYmlReadsIsDocumentedWithItsDefault() throws IOException {
        String yaml = new ClassPathResource("application.yml").getContentAsString(StandardCharsets.UTF_8);
        Map<String, String> documented = settingsTable();

        TreeSet<String> read = new TreeSet<>();
        READ.matcher(yaml).results().forEach(match -> read.add(match.group(1)));
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(read);

        Matcher defaults = PLAIN_DEFAULT.matcher(yaml);
        while (defaults.find()) {
            assertThat(documented.get(defaults.group(1)))
                    .as(defaults.group(1))
                    .isEqualTo("`" + defaults.group(2) + "`");
        }
    }

    private static Map<String, String> settingsTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String settings = readme.substring(readme.indexOf("## Settings"));
        settings = settings.substring(0, settings.indexOf("\n## ", 1));
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : settings.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.put(row.group(1), row.group(2).trim());
            }
        }
        return rows;
    }
}
