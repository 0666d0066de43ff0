package dev.tarsspeedy.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final SigningKey TEMPLATE = RsaKeys.generate(T0, T0);
    private final KeyPolicy policy = new KeyPolicy(
            new KeySettings(Duration.ofDays(30), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofMinutes(1)));

    private static SigningKey key(String kid, Instant created, Instant activeFrom) {
        return new SigningKey(kid, TEMPLATE.publicKey(), TEMPLATE.privateKey(), created, activeFrom, null);
    }

    @Test
    void theFirstKeySignsAtOnce() {
        assertThat(policy.plan(List.of(), T0)).isEqualTo(new KeyPolicy.Plan(Optional.of(T0), List.of()));
    }

    @Test
    void aKeyOlderThanRotateAfterGetsASuccessorThatSignsAfterPublishAhead() {
        SigningKey first = key("a", T0, T0);
        assertThat(policy.plan(List.of(first), T0.plus(Duration.ofDays(29))).newKeyActiveFrom())
                .isEmpty();
        Instant due = T0.plus(Duration.ofDays(30));
        assertThat(policy.plan(List.of(first), due).newKeyActiveFrom()).contains(due.plus(Duration.ofMinutes(10)));
        // Once the successor exists (even before it signs), no further key is made.
        SigningKey second = key("b", due, due.plus(Duration.ofMinutes(10)));
        assertThat(policy.plan(List.of(first, second), due.plusSeconds(1)).newKeyActiveFrom())
                .isEmpty();
    }

    @Test
    void theSigningKeyIsTheLatestActiveOne() {
        Instant due = T0.plus(Duration.ofDays(30));
        SigningKey first = key("a", T0, T0);
        SigningKey second = key("b", due, due.plus(Duration.ofMinutes(10)));
        assertThat(KeyPolicy.signing(List.of(first, second), due.plus(Duration.ofMinutes(9))))
                .map(SigningKey::kid)
                .contains("a");
        assertThat(KeyPolicy.signing(List.of(first, second), due.plus(Duration.ofMinutes(10))))
                .map(SigningKey::kid)
                .contains("b");
        assertThat(KeyPolicy.signing(List.of(second), due)).isEmpty();
    }

    @Test
    void anOldKeyIsRetiredRetireAfterItsSuccessorStartedSigning() {
        Instant due = T0.plus(Duration.ofDays(30));
        Instant switchover = due.plus(Duration.ofMinutes(10));
        SigningKey first = key("a", T0, T0);
        SigningKey second = key("b", due, switchover);
        List<SigningKey> keys = List.of(first, second);
        assertThat(policy.plan(keys, switchover.minusSeconds(1)).retire()).isEmpty();
        assertThat(policy.plan(keys, switchover.plus(Duration.ofMinutes(59))).retire())
                .isEmpty();
        assertThat(policy.plan(keys, switchover.plus(Duration.ofHours(1))).retire())
                .containsExactly("a");
    }
}
