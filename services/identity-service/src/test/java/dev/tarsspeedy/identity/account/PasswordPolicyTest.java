package dev.tarsspeedy.identity.account;

import static dev.tarsspeedy.identity.account.PasswordPolicy.Violation.CONTAINS_EMAIL;
import static dev.tarsspeedy.identity.account.PasswordPolicy.Violation.SINGLE_CHARACTER_CLASS;
import static dev.tarsspeedy.identity.account.PasswordPolicy.Violation.TOO_COMMON;
import static dev.tarsspeedy.identity.account.PasswordPolicy.Violation.TOO_FEW_DISTINCT_CHARACTERS;
import static dev.tarsspeedy.identity.account.PasswordPolicy.Violation.TOO_LONG;
import static dev.tarsspeedy.identity.account.PasswordPolicy.Violation.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final EmailAddress EMAIL = EmailAddress.parse("minjun@example.com");
    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Correct-Horse-42",
                "tiger lily 2024",
                "abcdefgh12",
                "ABCDEFGH1!",
                "correct horse battery staple",
                "비밀번호는길고안전하게만들어야해요",
                "서울에서 2024년 봄",
                "Abcd1234!?Abcd1234!?Abcd1234!?Abcd1234!?Abcd1234!?Abcd1234!?Abcd1234!?Abcd1234!?Abcd1234!?"
                        + "Abcd1234!?Abcd1234!?Abcd1234!?Abcdefgh"
            })
    void acceptsSensiblePasswords(String password) {
        assertThat(policy.check(password, EMAIL)).isEmpty();
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(policy.check("Abcdefg1!", EMAIL)).containsExactly(TOO_SHORT);
        assertThat(policy.check("가나다라마바사아자1", EMAIL)).isEmpty();
        assertThat(policy.check("Abcd1234!?".repeat(12) + "Abcdefgh", EMAIL)).isEmpty();
        assertThat(policy.check("Abcd1234!?".repeat(12) + "Abcdefghi", EMAIL)).containsExactly(TOO_LONG);
        assertThat(policy.check("😀😁😂😃😄😅😆😇😈1", EMAIL))
                .as("ten code points, twenty chars")
                .isEmpty();
        assertThat(policy.check(null, EMAIL)).containsExactly(TOO_SHORT);
        assertThat(policy.check("", EMAIL)).contains(TOO_SHORT);
    }

    @Test
    void refusesTheEmailsLocalPart() {
        assertThat(policy.check("My-MINJUN-pass-1", EMAIL)).containsExactly(CONTAINS_EMAIL);
        // Too short a local part to matter.
        assertThat(policy.check("Jo-Horse-Battery-1", EmailAddress.parse("jo@example.com")))
                .isEmpty();
    }

    @Test
    void refusesTrivialPasswords() {
        assertThat(policy.check("aaaaaaaaaaaa", EMAIL))
                .containsExactly(TOO_FEW_DISTINCT_CHARACTERS, SINGLE_CHARACTER_CLASS);
        assertThat(policy.check("1212121212", EMAIL))
                .containsExactly(TOO_FEW_DISTINCT_CHARACTERS, SINGLE_CHARACTER_CLASS);
        assertThat(policy.check("abababab12", EMAIL)).containsExactly(TOO_FEW_DISTINCT_CHARACTERS);
        assertThat(policy.check("1234567890", EMAIL)).containsExactly(SINGLE_CHARACTER_CLASS);
        assertThat(policy.check("abcdefghijkl", EMAIL)).containsExactly(SINGLE_CHARACTER_CLASS);
        assertThat(policy.check("abcdefghijklmnop", EMAIL))
                .as("a passphrase length needs one kind")
                .isEmpty();
        assertThat(policy.check("Password123", EMAIL)).containsExactly(TOO_COMMON);
        assertThat(policy.check("QWERTY1234", EMAIL)).containsExactly(TOO_COMMON);
    }

    @Test
    void requireThrowsWithEveryViolation() {
        assertThatThrownBy(() -> policy.require("aaaa", EMAIL))
                .isInstanceOfSatisfying(
                        WeakPasswordException.class,
                        weak -> assertThat(weak.violations())
                                .containsExactly(TOO_SHORT, TOO_FEW_DISTINCT_CHARACTERS, SINGLE_CHARACTER_CLASS))
                .hasMessageNotContaining("aaaa");
    }
}
