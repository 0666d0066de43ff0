package dev.tarsspeedy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.identity.support.ProblemBundles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The identity service's problem bundle is complete in both languages: every key in English and Korean, no empty
 * text, every type with a title and a detail, every pattern well-formed. ProblemLanguageIT triggers each type.
 */
class ProblemBundlesTest {

    private final Properties english = ProblemBundles.load(ProblemBundles.IDENTITY, "en");
    private final Properties korean = ProblemBundles.load(ProblemBundles.IDENTITY, "ko");

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
        assertThat(ProblemBundles.types(ProblemBundles.IDENTITY)).hasSizeGreaterThanOrEqualTo(14);
        for (String type : ProblemBundles.types(ProblemBundles.IDENTITY)) {
            assertThat(english).containsKey(type + ".detail");
        }
    }

    /** The texts take numbers only ({0}: the limit a rule names). */
    @Test
    void everyTextIsAWellFormedPattern() {
        for (Properties bundle : new Properties[] {english, korean}) {
            bundle.forEach((key, value) -> assertThat(
                            new MessageFormat(value.toString(), Locale.ROOT).format(new Object[] {1, 1, 1}))
                    .as(key.toString())
                    .isNotBlank());
        }
    }
}
