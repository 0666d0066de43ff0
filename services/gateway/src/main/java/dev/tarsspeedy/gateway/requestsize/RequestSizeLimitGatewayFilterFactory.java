package dev.tarsspeedy.gateway.requestsize;

import dev.tarsspeedy.platform.problem.Problem;
import dev.tarsspeedy.platform.problem.ProblemWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code RequestSizeLimit}: bodies over {@code gateway.request-size.max-body-size} get a 413
 * {@code payload-too-large} problem (the stock {@code RequestSize} filter answers 413 with an empty body).
 *
 * <p>What is covered:
 *
 * <ul>
 *   <li>a declared {@code Content-Length} over the limit is refused before a byte of the body is read, so the
 *       service never sees the request;
 *   <li>a body without a length ({@code Transfer-Encoding: chunked}), or one longer than declared, is counted
 *       while it is read and refused as soon as it passes the limit. Routes with a fallback (all of ours) buffer
 *       the body before calling the service, so the service never sees these either; on a route without one the
 *       body is streamed, and the service may have received the first bytes when the request is cut off.
 * </ul>
 *
 * Runs before that buffering, so the gateway never holds more than the limit in memory for one request.
 */
@Component
public class RequestSizeLimitGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /** After the rate limit, before Spring Cloud Gateway buffers the body ({@code HIGHEST_PRECEDENCE + 1000}). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 200;

    private final RequestSizeSettings properties;
    private final ProblemWriter problems;

    RequestSizeLimitGatewayFilterFactory(RequestSizeSettings properties, ProblemWriter problems) {
        this.properties = properties;
        this.problems = problems;
    }

    @Override
    public String name() {
        return "RequestSizeLimit";
    }

    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter(this::filter, ORDER);
    }

    Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long limit = properties.maxBodySize().toBytes();
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().getContentLength() > limit) {
            return tooLarge(exchange, limit);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limited(super.getBody(), limit);
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(
                        RequestSizeLimitGatewayFilterFactory::causedByTooLargeBody, error -> tooLarge(exchange, limit));
    }

    /** The HTTP client may wrap the error of a body it was sending. */
    static boolean causedByTooLargeBody(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The body, failing with {@link BodyTooLargeException} once more than {@code limit} bytes have passed. */
    static Flux<DataBuffer> limited(Flux<DataBuffer> body, long limit) {
        return Flux.defer(() -> {
            AtomicLong seen = new AtomicLong();
            return body.handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new BodyTooLargeException(limit));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        // Writes nothing if the service already answered (a route without a fallback streams the body).
        return problems.write(
                exchange,
                Problem.standard(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large")
                        .with("maxBodySize", limit));
    }
}
