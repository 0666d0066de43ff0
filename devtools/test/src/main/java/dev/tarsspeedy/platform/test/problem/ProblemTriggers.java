package dev.tarsspeedy.platform.test.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's table of how to cause each of its problem types for real, for {@link ProblemLanguageContract}: the
 * request that causes the type (built with the service's {@link WebTestClient}, not yet sent: the contract adds
 * {@code Accept-Language} and sends it), the status it must answer, and the detail it must carry.
 *
 * <pre>{@code
 * ProblemTriggers.create()
 *         // detail: the bundle's "product-not-found.detail" as it is
 *         .trigger("product-not-found", NOT_FOUND, () -> client().get().uri("/api/products/{id}", UUID.randomUUID()))
 *         // detail: another key of the service's or the platform's bundle
 *         .trigger("unauthorized", UNAUTHORIZED, Detail.of("unauthorized.no-user"),
 *                 () -> client(JWKS.token("not-a-user-id", List.of("USER"))).get().uri("/api/orders"))
 *         // request and detail computed together: the detail names a value the trigger made up
 *         .computed("drop-not-found", NOT_FOUND, () -> {
 *             UUID drop = UUID.randomUUID();
 *             return new Cause(client(userToken(buyer)).get().uri("/api/drops/{id}", drop),
 *                     Detail.of("drop-not-found.detail", drop));
 *         })
 *         // a stand-in told to fail for this one request, and told to stop once the answer is in
 *         .computed("order-service-unavailable", SERVICE_UNAVAILABLE, () -> {
 *             TestOrder order = pendingOrder();
 *             ORDERS.fail(order.orderId());
 *             return new Cause(starting(order), Detail.of("order-service-unavailable.detail"),
 *                     () -> ORDERS.recover(order.orderId()));
 *         })
 *         // a type of the bundle that no single request can cause, with where it is checked instead
 *         .coveredElsewhere("sale-unavailable", "needs a Redis outage; RedisLossIT causes it");
 * }</pre>
 *
 * Setup requests a trigger sends before the one it returns are the trigger's own business (send them in any
 * language and check them as the test needs); what must be undone after the request goes in
 * {@link Cause#afterwards()}.
 */
public final class ProblemTriggers {

    private final Map<String, Trigger> triggers = new LinkedHashMap<>();
    private final Map<String, String> coveredElsewhere = new LinkedHashMap<>();

    private ProblemTriggers() {}

    public static ProblemTriggers create() {
        return new ProblemTriggers();
    }

    /** The type's answer carries the bundle's {@code <type>.detail} as it is (a detail without arguments). */
    public ProblemTriggers trigger(
            String type, HttpStatus status, Supplier<? extends WebTestClient.RequestHeadersSpec<?>> request) {
        return trigger(type, status, Detail.of(type + ".detail"), request);
    }

    /** The type's answer carries the given detail, whatever the request. */
    public ProblemTriggers trigger(
            String type,
            HttpStatus status,
            Detail detail,
            Supplier<? extends WebTestClient.RequestHeadersSpec<?>> request) {
        Objects.requireNonNull(detail, "detail");
        return computed(type, status, () -> new Cause(request.get(), detail));
    }

    /** The trigger makes the request and the detail it expects together (a detail naming a value it made up). */
    public ProblemTriggers computed(String type, HttpStatus status, Supplier<Cause> cause) {
        if (triggers.putIfAbsent(type, new Trigger(type, status, cause)) != null) {
            throw new IllegalArgumentException("two triggers for " + type);
        }
        return this;
    }

    /**
     * A type of the service's bundle that this table does not cause (it needs an outage, a race, a huge request),
     * with the reason and where its texts are checked instead.
     */
    public ProblemTriggers coveredElsewhere(String type, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why and where " + type + " is covered");
        }
        coveredElsewhere.put(type, reason);
        return this;
    }

    Map<String, Trigger> triggers() {
        return Collections.unmodifiableMap(triggers);
    }

    Map<String, String> coveredElsewhere() {
        return Collections.unmodifiableMap(coveredElsewhere);
    }

    /**
     * The table names only types a bundle titles, and covers elsewhere only types of the service's bundle that it
     * does not trigger.
     */
    void assertConsistentWith(Set<String> serviceTypes, Set<String> platformTypes) {
        for (String type : triggers.keySet()) {
            assertThat(serviceTypes.contains(type) || platformTypes.contains(type))
                    .as("%s is titled by the service's bundle or the platform's", type)
                    .isTrue();
        }
        for (String type : coveredElsewhere.keySet()) {
            assertThat(serviceTypes)
                    .as("%s, covered elsewhere, is a type of the service's bundle", type)
                    .contains(type);
            assertThat(triggers)
                    .as("%s is covered elsewhere and triggered here too", type)
                    .doesNotContainKey(type);
        }
    }

    /** One way to cause a type. */
    record Trigger(String type, HttpStatus status, Supplier<Cause> cause) {}

    /**
     * A request that causes the type (not yet sent), the detail its answer must carry, and what to undo once the
     * answer is in (a stand-in told to fail, say), whether the checks pass or not.
     */
    public record Cause(WebTestClient.RequestHeadersSpec<?> request, Detail detail, Runnable afterwards) {

        public Cause {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(afterwards, "afterwards");
        }

        public Cause(WebTestClient.RequestHeadersSpec<?> request, Detail detail) {
            this(request, detail, () -> {});
        }
    }

    /**
     * The detail a problem must carry: a bundle key's text in the reader's language, formatted with arguments as the
     * service formats it when there are any, or (for details the service composes itself, such as the list of
     * invalid fields) only in the reader's language.
     */
    public static final class Detail {

        private final String key;
        private final Function<Map<String, Object>, Object[]> arguments;

        private Detail(String key, Function<Map<String, Object>, Object[]> arguments) {
            this.key = key;
            this.arguments = arguments;
        }

        /** The text of {@code key} (the service's bundle, else the platform's), formatted with the arguments. */
        public static Detail of(String key, Object... arguments) {
            Objects.requireNonNull(key, "key");
            Object[] copy = arguments.clone();
            return new Detail(key, problem -> copy);
        }

        /** The text of {@code key} formatted with arguments taken from the answer (a member such as a time). */
        public static Detail fromProblem(String key, Function<Map<String, Object>, Object[]> arguments) {
            return new Detail(Objects.requireNonNull(key, "key"), Objects.requireNonNull(arguments, "arguments"));
        }

        /** Any detail in the reader's language: one the service composes and another test checks word for word. */
        public static Detail inReadersLanguage() {
            return new Detail(null, null);
        }

        boolean checksText() {
            return key != null;
        }

        /** The detail as the service renders it: the text as it is without arguments, else formatted. */
        String expected(Map<String, Object> problem, String language) {
            String text = ProblemBundles.text(key, language);
            assertThat(text).as("the bundles have %s", key).isNotNull();
            Object[] values = arguments.apply(problem);
            return values.length == 0 ? text : new MessageFormat(text, Locale.forLanguageTag(language)).format(values);
        }

        @Override
        public String toString() {
            return key == null ? "any detail in the reader's language" : key;
        }
    }
}
