package dev.tarsspeedy.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageIdsTest {

    private final MessageIds ids = new MessageIds("tars-speedy.dev");

    @Test
    void isTheSha256OfTheKeyAtTheDomain() {
        // sha256("identity:signup-code:42"), computed independently: printf %s 'identity:signup-code:42' | sha256sum
        assertThat(ids.of("identity:signup-code:42"))
                .isEqualTo("<a8c5780c322310682702ba6566c6a31f362913d0ebf8710630efe8e9a2c01b7b@tars-speedy.dev>");
    }

    @Test
    void isDeterministicAndDiffersPerKey() {
        assertThat(ids.of("order:1")).isEqualTo(ids.of("order:1"));
        assertThat(ids.of("order:1")).isNotEqualTo(ids.of("order:2"));
        assertThat(new MessageIds("TARS-Speedy.dev").of("order:1")).isEqualTo(ids.of("order:1"));
    }

    @Test
    void isAValidMessageIdWhateverTheKey() {
        for (String key : new String[] {"identity:signup-code:1", "주문 <1> @ \"x\"", "a\r\nBcc: x@y", ""}) {
            assertThat(ids.of(key)).matches("<[0-9a-f]{64}@tars-speedy\\.dev>");
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "TARS & Speedy <no-reply@tars-speedy.dev>|tars-speedy.dev",
                "no-reply@mail.example.com|mail.example.com",
                "\"Kim, Minjun\" <kim@example.co.kr> |example.co.kr",
                "티에이알에스 <a@b.example>|b.example"
            })
    void takesTheDomainOfTheSender(String from, String domain) {
        assertThat(MessageIds.forSender(from).domain()).isEqualTo(domain);
    }

    @Test
    void refusesWhatIsNoDomain() {
        assertThatThrownBy(() -> MessageIds.forSender("TARS & Speedy")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageIds("bad domain>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageIds("")).isInstanceOf(IllegalArgumentException.class);
    }
}
