package dev.tarsspeedy.gateway.requestsize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.problem.ProblemWriter;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

class RequestSizeLimitGatewayFilterFactoryTest {

    private static final RequestSizeLimitGatewayFilterFactory FACTORY = new RequestSizeLimitGatewayFilterFactory(
            new RequestSizeSettings(DataSize.ofBytes(10)),
            new ProblemWriter(
                    URI.create("https://tars-speedy.dev/problems/"),
                    JsonMapper.builder().build()));

    @Test
    void aBodyUpToTheLimitPassesUnchanged() {
        StepVerifier.create(RequestSizeLimitGatewayFilterFactory.limited(chunks(4, 6), 10)
                        .map(DataBuffer::readableByteCount))
                .expectNext(4, 6)
                .verifyComplete();
    }

    @Test
    void aBodyFailsAsSoonAsItPassesTheLimit() {
        StepVerifier.create(RequestSizeLimitGatewayFilterFactory.limited(chunks(4, 6, 1, 100), 10)
                        .map(DataBuffer::readableByteCount))
                .expectNext(4, 6)
                .expectError(BodyTooLargeException.class)
                .verify();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        AtomicBoolean passedOn = new AtomicBoolean();
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/orders")
                .contentLength(11)
                .body(Flux.error(new AssertionError("the body must not be read"))));

        FACTORY.filter(exchange, e -> {
                    passedOn.set(true);
                    return Mono.empty();
                })
                .block();

        assertThat(passedOn).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("payload-too-large", "\"maxBodySize\":10");
    }

    @Test
    void aBodyWithoutLengthIsRefusedWhenTheRouteReadsPastTheLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/orders").body(chunks(8, 8)));
        GatewayFilterChain readsTheBody =
                e -> DataBufferUtils.join(e.getRequest().getBody())
                        .doOnNext(DataBufferUtils::release)
                        .then();

        FACTORY.filter(exchange, readsTheBody).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void recognisesTheErrorWhenTheHttpClientWrapsIt() {
        assertThat(RequestSizeLimitGatewayFilterFactory.causedByTooLargeBody(
                        new IllegalStateException("send failed", new BodyTooLargeException(10))))
                .isTrue();
        assertThat(RequestSizeLimitGatewayFilterFactory.causedByTooLargeBody(new IllegalStateException("other")))
                .isFalse();
    }

    private static Flux<DataBuffer> chunks(int... sizes) {
        return Flux.fromArray(java.util.Arrays.stream(sizes).boxed().toArray(Integer[]::new))
                .map(size -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[size]));
    }
}
