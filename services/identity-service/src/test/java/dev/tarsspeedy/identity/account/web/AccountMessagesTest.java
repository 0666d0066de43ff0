package dev.tarsspeedy.identity.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.identity.account.InvalidEmailException;
import dev.tarsspeedy.identity.account.InvalidNameException;
import dev.tarsspeedy.identity.account.PasswordPolicy;
import dev.tarsspeedy.platform.problem.ProblemMessage;
import dev.tarsspeedy.platform.test.problem.ProblemBundles;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every password rule and every reason to refuse an address or a name reads well in both languages. */
class AccountMessagesTest {

    private static final Properties ENGLISH = ProblemBundles.load(ProblemBundles.SERVICE, "en");
    private static final Properties KOREAN = ProblemBundles.load(ProblemBundles.SERVICE, "ko");

    @Test
    void everyPasswordViolationHasItsTextWithItsLimit() {
        for (PasswordPolicy.Violation violation : PasswordPolicy.Violation.values()) {
            ProblemMessage message = AccountProblems.message(violation);
            String english = render(ENGLISH, message, Locale.ENGLISH);
            String korean = render(KOREAN, message, Locale.KOREAN);
            // The English text is what the policy tells operators: one wording for both.
            assertThat(english).as(violation.name()).isEqualTo(violation.message());
            assertThat(ProblemBundles.isKorean(korean)).as(korean).isTrue();
            if (violation.limit() > 0) {
                assertThat(korean).contains(Integer.toString(violation.limit()));
            }
        }
    }

    @Test
    void everyReasonToRefuseAnAddressHasItsText() {
        for (InvalidEmailException.Reason reason : InvalidEmailException.Reason.values()) {
            ProblemMessage message = AccountProblems.message(new InvalidEmailException(reason, "as operators read it"));
            assertThat(render(ENGLISH, message, Locale.ENGLISH))
                    .as(reason.name())
                    .isNotBlank();
            assertThat(ProblemBundles.isKorean(render(KOREAN, message, Locale.KOREAN)))
                    .as(reason.name())
                    .isTrue();
        }
        ProblemMessage tooLong =
                AccountProblems.message(new InvalidEmailException(InvalidEmailException.Reason.TOO_LONG, "long"));
        assertThat(render(ENGLISH, tooLong, Locale.ENGLISH)).isEqualTo("an email address has at most 254 characters");
        assertThat(render(KOREAN, tooLong, Locale.KOREAN)).isEqualTo("이메일 주소는 254자 이하여야 합니다");
    }

    @Test
    void everyReasonToRefuseANameHasItsText() {
        for (InvalidNameException.Reason reason : InvalidNameException.Reason.values()) {
            ProblemMessage message = AccountProblems.message(new InvalidNameException(reason, "as operators read it"));
            assertThat(render(ENGLISH, message, Locale.ENGLISH))
                    .as(reason.name())
                    .isNotBlank();
            assertThat(ProblemBundles.isKorean(render(KOREAN, message, Locale.KOREAN)))
                    .as(reason.name())
                    .isTrue();
        }
        ProblemMessage tooLong =
                AccountProblems.message(new InvalidNameException(InvalidNameException.Reason.TOO_LONG, "long"));
        assertThat(render(ENGLISH, tooLong, Locale.ENGLISH)).isEqualTo("must have at most 100 characters");
        assertThat(render(KOREAN, tooLong, Locale.KOREAN)).isEqualTo("100자 이하여야 합니다");
    }

    private static String render(Properties bundle, ProblemMessage message, Locale locale) {
        String pattern = bundle.getProperty(message.getCodes()[0]);
        assertThat(pattern)
                .as("%s in the %s bundle", message.getCodes()[0], locale)
                .isNotBlank();
        return new MessageFormat(pattern, locale).format(message.getArguments());
    }
}
