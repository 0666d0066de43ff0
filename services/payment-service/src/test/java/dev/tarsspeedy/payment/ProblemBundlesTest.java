package dev.tarsspeedy.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.payment.support.ProblemBundles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The payment service's problem bundle is complete in both languages: every key in English and Korean, no empty
 * text, every type with a title and a detail, every pattern well-formed. ProblemLanguageIT triggers the types.
 */
class ProblemBundlesTest {

    /** An apostrophe MessageFormat would swallow: one that is not doubled. */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    private final Properties english = ProblemBundles.load(ProblemBundles.PAYMENT, "en");
    private final Properties korean = ProblemBundles.load(ProblemBundles.PAYMENT, "ko");

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
        assertThat(ProblemBundles.types(ProblemBundles.PAYMENT))
                .containsExactlyInAnyOrder(
                        "order-not-found",
                        "order-not-payable",
                        "order-already-paid",
                        "payment-not-found",
                        "order-service-unavailable",
                        "kakaopay-refused",
                        "kakaopay-unavailable",
                        "kakaopay-timeout");
        for (String type : ProblemBundles.types(ProblemBundles.PAYMENT)) {
            assertThat(english).containsKey(type + ".detail");
        }
    }

    /**
     * The texts take no arguments.
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
