package dev.tarsspeedy.platform.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.fixture.StarterTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class WarmUpIT extends StarterTestBase {

    @Autowired
    WarmUpRunner runner;

    @Test
    void theSigningKeysAreFetchedAtStartNotByTheFirstRequest() {
        // The unsigned token got as far as its signature: the keys were there to check it against. (The same runner
        // ran when the context started; its log line says what each warm-up took.)
        assertThat(runner.warmUp())
                .filteredOn(outcome -> outcome.name().equals("jwks"))
                .singleElement()
                .extracting(WarmUpRunner.Outcome::result)
                .isEqualTo("ok");
    }
}
