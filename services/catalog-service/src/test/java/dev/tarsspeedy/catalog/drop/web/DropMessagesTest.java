package dev.tarsspeedy.catalog.drop.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.catalog.drop.DropTerms;
import dev.tarsspeedy.catalog.drop.Violation;
import dev.tarsspeedy.platform.problem.ProblemMessage;
import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every rule of a drop's terms reads in both languages, and in English as the domain tells operators. */
class DropMessagesTest {

    private static final Properties ENGLISH = ProblemBundles.load(ProblemBundles.SERVICE, "en");
    private static final Properties KOREAN = ProblemBundles.load(ProblemBundles.SERVICE, "ko");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void everyBrokenRuleHasItsTextInBothLanguages() {
        List<Violation> violations = new ArrayList<>();
        violations.addAll(new DropTerms(-1, 0, 0, NOW, NOW.minusSeconds(1)).violations(NOW));
        violations.addAll(new DropTerms(1, 2, 3, NOW.plusSeconds(60), NOW.plusSeconds(120)).violations(NOW));
        assertThat(violations)
                .extracting(Violation::code)
                .doesNotHaveDuplicates()
                .hasSize(6);

        for (Violation violation : violations) {
            ProblemMessage message = DropProblems.message(violation);
            assertThat(render(ENGLISH, message, Locale.ENGLISH))
                    .as(violation.code())
                    .isEqualTo(violation.message());
            assertThat(ProblemBundles.isKorean(render(KOREAN, message, Locale.KOREAN)))
                    .as(violation.code())
                    .isTrue();
        }
    }

    @Test
    void listingRulesNameTheirValues() {
        ProblemMessage size = DropProblems.message(
                Violation.of("size", "drops.size-out-of-range", "must be between 1 and 1000", 1000));
        assertThat(render(ENGLISH, size, Locale.ENGLISH)).isEqualTo("must be between 1 and 1000");
        assertThat(render(KOREAN, size, Locale.KOREAN)).isEqualTo("1에서 1000 사이여야 합니다");
    }

    private static String render(Properties bundle, ProblemMessage message, Locale locale) {
        String pattern = bundle.getProperty(message.getCodes()[0]);
        assertThat(pattern)
                .as("%s in the %s bundle", message.getCodes()[0], locale)
                .isNotBlank();
        return new MessageFormat(pattern, locale).format(message.getArguments());
    }
}
