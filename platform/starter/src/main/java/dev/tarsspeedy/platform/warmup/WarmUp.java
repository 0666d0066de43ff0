package dev.tarsspeedy.platform.warmup;

import reactor.core.publisher.Mono;

/**
 * Work a service does once at start, before it reports ready, so that its first requests do not pay for it: a
 * connection opened, a Lua script loaded into Redis, the signing keys fetched. Without it, the first requests of a
 * drop's opening burst each wait for the same lazy connection or key fetch, and time out together (bench/buy).
 *
 * <p>Best effort: a warm-up that fails or runs out of time is logged and the service starts anyway; the lazy path
 * still works, it is only slower. Declare one as a bean; {@link WarmUpRunner} runs them all side by side.
 */
public interface WarmUp {

    /** A short name for the log line ({@code jwks}, {@code redis}, {@code buy-script}). */
    String name();

    /** The work; its value is ignored. */
    Mono<?> run();

    static WarmUp of(String name, java.util.function.Supplier<Mono<?>> run) {
        return new WarmUp() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Mono<?> run() {
                return Mono.defer(run);
            }
        };
    }
}
