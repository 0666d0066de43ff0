package dev.tarsspeedy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The loops answer as the firewall's own regular expressions do, for every code point and for mixed strings. */
class HeaderCharactersTest {

    private static final Predicate<String> SPRING_NAMES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES;
    private static final Predicate<String> SPRING_VALUES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

    @Test
    void everyCodePointAloneIsJudgedAsTheFirewallJudgesIt() {
        List<String> differences = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = Character.toString(codePoint);
            if (HeaderCharacters.validName(text) != SPRING_NAMES.test(text)
                    || HeaderCharacters.validValue(text) != SPRING_VALUES.test(text)) {
                differences.add(Integer.toHexString(codePoint));
            }
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void mixedStringsWithPairsAndLoneSurrogatesAreJudgedAlike() {
        String[] pieces = {
            "a",
            "Z",
            "0",
            " ",
            "\t",
            "\n",
            "\r",
            "\u0000",
            "\u007f",
            "\u0085",
            "\u00e9",
            "\u0378",
            "\ud83d\ude00",
            "\ud83d",
            "\ude00",
            "\ufffe",
            "\uffff",
            "\u2028",
            "\udb40\udc01",
            "\u09ff",
            "=",
            "\"",
            "Bearer "
        };
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(6); j >= 0; j--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String value = text.toString();
            assertThat(HeaderCharacters.validName(value)).as(value).isEqualTo(SPRING_NAMES.test(value));
            assertThat(HeaderCharacters.validValue(value)).as(value).isEqualTo(SPRING_VALUES.test(value));
        }
    }

    @Test
    void aTabIsAllowedInAValueButNotInAName() {
        assertThat(HeaderCharacters.validValue("a\tb")).isTrue();
        assertThat(HeaderCharacters.validName("a\tb")).isFalse();
        assertThat(HeaderCharacters.validValue("a\nb")).isFalse();
        assertThat(HeaderCharacters.validValue("")).isTrue();
    }

    /** The firewall asks about a header the request does not have with null, as Spring's predicates allow. */
    @Test
    void anAbsentHeaderPassesAsWithTheFirewallsOwnPredicates() {
        assertThat(SPRING_NAMES.test(null)).isTrue();
        assertThat(SPRING_VALUES.test(null)).isTrue();
        assertThat(HeaderCharacters.validName(null)).isTrue();
        assertThat(HeaderCharacters.validValue(null)).isTrue();
    }
}
