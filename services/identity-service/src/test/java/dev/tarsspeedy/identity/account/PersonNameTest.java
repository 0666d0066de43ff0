package dev.tarsspeedy.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.identity.account.InvalidNameException.Reason;
import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void trimsAndLimits() {
        assertThat(PersonName.normalise("  김민준 ")).isEqualTo("김민준");
        assertThat(PersonName.normalise("😀".repeat(100))).hasSize(200);
        assertRefused("x".repeat(101), Reason.TOO_LONG);
        assertRefused(" \t ", Reason.BLANK);
        assertRefused(null, Reason.BLANK);
        assertRefused("Kim\nPark", Reason.CONTROL_CHARACTERS);
    }

    private static void assertRefused(String name, Reason reason) {
        assertThatThrownBy(() -> PersonName.normalise(name))
                .isInstanceOfSatisfying(
                        InvalidNameException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
