package dev.tarsspeedy.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.fixture.StarterTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Hooks;

/**
 * The buy path's services run with {@code spring.reactor.context-propagation=limited} (Reactor restores thread locals
 * only where code asks): a failed request's log line still carries its trace and span ids (the problem handler restores
 * them), while a plain log line inside a reactive chain does not, which is the price docs/configuration.md states.
 *
 * <p>Reactor's automatic propagation is a JVM-wide hook that Spring Boot switches on for {@code auto} and never off;
 * the contexts other test classes cached switched it on, so this class switches it off for its own requests and on
 * again after them.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"TRACING_SAMPLING_PROBABILITY=0", "spring.reactor.context-propagation=limited"})
class LimitedContextPropagationIT extends StarterTestBase {

    private static final String IDS = "\\[platform-starter-test,[0-9a-f]{16,32},[0-9a-f]{16}\\]";

    @BeforeAll
    static void limited() {
        Hooks.disableAutomaticContextPropagation();
    }

    @AfterAll
    static void automaticAgain() {
        Hooks.enableAutomaticContextPropagation();
    }

    @Test
    void theProblemHandlersLogLineKeepsTheTraceAndSpanIds(CapturedOutput output) {
        client.get()
                .uri("/api/boom")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .exchange()
                .expectStatus()
                .is5xxServerError();

        assertThat(line(output, "unexpected error")).containsPattern(IDS);
    }

    @Test
    void aLogLineInsideAReactiveChainHasNoIds(CapturedOutput output) {
        client.get().uri("/api/public/log").exchange().expectStatus().isOk();

        assertThat(line(output, "thing log line")).doesNotContainPattern(IDS).contains("[platform-starter-test,,]");
    }

    private static String line(CapturedOutput output, String text) {
        return output.getOut()
                .lines()
                .filter(l -> l.contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + text + "' in:\n" + output.getOut()));
    }
}
