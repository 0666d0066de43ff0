package dev.tarsspeedy.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "kim@example.com|kim@example.com",
                "  Kim.Minjun@Example.COM \t|kim.minjun@example.com",
                "kim+drops@sub.example.co.kr|kim+drops@sub.example.co.kr",
                "kim@Bücher.example|kim@xn--bcher-kva.example",
                "kim@한국.kr|kim@xn--3e0b707e.kr",
                "kim@example.com.|kim@example.com",
                "o'brien@example.com|o'brien@example.com"
            })
    void normalises(String raw, String normalised) {
        EmailAddress email = EmailAddress.parse(raw);
        assertThat(email.value()).isEqualTo(normalised);
        assertThat(email.toString()).isEqualTo(normalised);
        assertThat(EmailAddress.parse(normalised)).isEqualTo(email);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "kim",
                "@example.com",
                "kim@",
                "kim@example",
                "kim@@example.com",
                "kim@exa mple.com",
                "kim@-example.com",
                "kim@example-.com",
                "kim@example.123",
                "kim@exa_mple.com",
                ".kim@example.com",
                "kim.@example.com",
                "k..im@example.com",
                "ki m@example.com",
                "김@example.com",
                "\"kim\"@example.com"
            })
    void refusesWhatIsNotAPlainAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw)).isInstanceOf(InvalidEmailException.class);
        assertThat(EmailAddress.tryParse(raw)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void limitsLengths() {
        String local64 = "a".repeat(64);
        assertThat(EmailAddress.parse(local64 + "@example.com").localPart()).isEqualTo(local64);
        assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@example.com"))
                .isInstanceOf(InvalidEmailException.class);
        String domain = ("a".repeat(60) + ".").repeat(3) + "ex.com"; // 189 characters: 254 in all
        assertThat(EmailAddress.parse(local64 + "@" + domain).value()).hasSize(254);
        String tooLong = ("a".repeat(60) + ".").repeat(3) + "exa.com";
        assertThatThrownBy(() -> EmailAddress.parse(local64 + "@" + tooLong)).isInstanceOf(InvalidEmailException.class);
        assertThatThrownBy(() -> EmailAddress.parse(null)).isInstanceOf(InvalidEmailException.class);
    }

    @org.junit.jupiter.api.Test
    void theConstructorTakesOnlyNormalisedAddresses() {
        assertThatThrownBy(() -> new EmailAddress("Kim@Example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new EmailAddress("kim@example.com").domain()).isEqualTo("example.com");
    }
}
