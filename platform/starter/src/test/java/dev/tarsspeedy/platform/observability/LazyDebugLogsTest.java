package dev.tarsspeedy.platform.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Spring and Spring Security log through Commons Logging with lazy messages ({@code LogMessage}, rendered by its
 * {@code toString}). With DEBUG off such a message must never be rendered: Spring Security alone logs one per path
 * matcher per request, and rendering them cost the gateway measurable CPU (docs/benchmarks.md).
 */
class LazyDebugLogsTest {

    @Test
    void aDebugMessageIsNotRenderedWhenDebugIsOff() {
        String name = "dev.tarsspeedy.platform.observability.lazy";
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        Log log = LogFactory.getLog(name);
        AtomicInteger rendered = new AtomicInteger();
        CharSequence message = new CharSequence() {
            @Override
            public int length() {
                return toString().length();
            }

            @Override
            public char charAt(int index) {
                return toString().charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return toString().subSequence(start, end);
            }

            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "expensive";
            }
        };

        log.debug(message);
        log.trace(message);
        assertThat(rendered).hasValue(0);

        log.info(message);
        assertThat(rendered).hasPositiveValue();
    }
}
