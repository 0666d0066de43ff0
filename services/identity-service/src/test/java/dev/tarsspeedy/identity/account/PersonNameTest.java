package dev.tarsspeedy.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void trimsAndLimits() {
        assertThat(PersonName.normalise("  김민준 ")).isEqualTo("김민준");
        assertThat(PersonName.normalise("😀".repeat(100))).hasSize(200);
        assertThatThrownBy(() -> PersonName.normalise("x".repeat(101))).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> PersonName.normalise(" \t ")).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> PersonName.normalise(null)).isInstanceOf(InvalidNameException.class);
        assertThatThrownBy(() -> PersonName.normalise("Kim\nPark")).isInstanceOf(InvalidNameException.class);
    }
}
