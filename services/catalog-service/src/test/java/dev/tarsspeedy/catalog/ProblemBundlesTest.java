package dev.tarsspeedy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.catalog.support.ProblemBundles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The catalog service's problem bundle is complete in both languages: every key in English and Korean, no empty
 * text, every type with a title and a detail, every pattern well-formed. ProblemLanguageIT triggers the types.
 */
class ProblemBundlesTest {

    /** An apostrophe MessageFormat would swallow: one that is not doubled. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private final Properties english = ProblemBundles.load(ProblemBundles.CATALOG, "en");
    private final Properties korean = ProblemBundles.load(ProblemBundles.CATALOG, "ko");

    @Test
    void everyKeyIsInBothLanguagesWithAText() {
        assertThat(korean.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        english.forEach(
                (key, value) -> assertThat(value.toString()).as("%s (en)", key).isNotBlank());
        korean.forEach((key, value) -> assertThat(ProblemBundles.isKorean(value.toString()))
                .as("%s (ko) is Korean: %s", key, value)
                .isTrue());
    }

    @Test
    void everyTypeHasATitleAndADetail() {
        assertThat(ProblemBundles.types(ProblemBundles.CATALOG))
                .containsExactlyInAnyOrder(
                        "product-not-found",
                        "unknown-product",
                        "drop-not-found",
                        "drop-already-open",
                        "unsubscribe-link-unknown");
        for (String type : ProblemBundles.types(ProblemBundles.CATALOG)) {
            assertThat(english).containsKey(type + ".detail");
        }
    }

    /**
     * The texts take a number or a list of words ({0}: a page size, the statuses).
     * A text with placeholders is a MessageFormat pattern: it formats, and its apostrophes are doubled.
     */
    @Test
    void everyTextIsAWellFormedPattern() {
        for (Properties bundle : new Properties[] {english, korean}) {
            bundle.forEach((key, value) -> {
                String text = value.toString();
                assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] {1, 1, 1}))
                        .as(key.toString())
                        .isNotBlank();
                if (text.contains("{")) {
                    assertThat(LONE_APOSTROPHE.matcher(text).find())
                            .as("%s has a lone apostrophe: %s", key, text)
                            .isFalse();
                }
            });
        }
    }
}
