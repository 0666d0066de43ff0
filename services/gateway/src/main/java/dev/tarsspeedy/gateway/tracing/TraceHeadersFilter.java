package dev.tarsspeedy.gateway.tracing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REACTOR_CONTEXT_ATTR;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.server.ServerWebExchange;
import reactor.util.context.ContextView;

/**
 * Carries a request's trace to the service it is routed to: the trace headers of the gateway's own server span
 * ({@code traceparent}, with its sampling decision), so the service's span is that span's child and its log lines
 * carry the same trace id.
 *
 * <p>Spring Cloud Gateway's client observation, which did this before, is off
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}): one more observation, timer and span
 * per proxied request, about 7 % of the gateway's CPU samples on the buy path (docs/benchmarks.md), for an
 * {@code http.client.requests} series no dashboard or alert reads and a span that only repeated the service's own.
 */
@Component
class TraceHeadersFilter implements HttpHeadersFilter, Ordered {

    /**
     * Looked up once, at the first request: an {@link ObjectProvider} resolves the bean anew on every call, and that
     * lookup was 2.6 % of the gateway's request threads' CPU samples on the buy path (and the largest method the JIT
     * compiled while a sale ran).
     */
    private final Supplier<Optional<Propagator>> propagator;

    TraceHeadersFilter(ObjectProvider<Propagator> propagator) {
        this.propagator = SingletonSupplier.of(() -> Optional.ofNullable(propagator.getIfAvailable()));
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Propagator headers = propagator.get().orElse(null);
        Span span = serverSpan(exchange);
        if (headers == null || span == null) {
            return input;
        }
        HttpHeaders output = HttpHeaders.copyOf(input);
        // A client's own trace headers were the parent of the server span; the service gets the server span instead.
        headers.fields().forEach(output::remove);
        headers.inject(span.context(), output, HttpHeaders::set);
        return output;
    }

    /** The span of the server observation that Spring WebFlux opened for this request, if tracing recorded one. */
    private static Span serverSpan(ServerWebExchange exchange) {
        ContextView context = exchange.getAttribute(GATEWAY_REACTOR_CONTEXT_ATTR);
        if (context == null) {
            return null;
        }
        Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation == null || observation.isNoop()) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                observation.getContextView().get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }

    /** After every other filter of the request's headers: nothing may replace the trace headers after this. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
