package dev.tarsspeedy.gateway.requestsize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.gateway.fixture.GatewayTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** The limit is 16 KB in application-test.yml. */
class RequestSizeIT extends GatewayTestBase {

    private static final int LIMIT = 16 * 1024;

    @Test
    void aBodyOverTheLimitIs413ProblemAndNeverReachesTheService() {
        String path = unique("/api/echo/uploads");
        Map<String, Object> problem = assertProblem(
                client().post()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .bodyValue(new byte[LIMIT + 1])
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large");
        assertThat(problem).containsEntry("maxBodySize", LIMIT);
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemAndNeverReachesTheService() {
        String path = unique("/api/echo/uploads");
        Flux<DataBuffer> chunks =
                Flux.range(0, 5).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[4096]));
        assertProblem(
                client().post()
                        .uri(path)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .body(BodyInserters.fromDataBuffers(chunks))
                        .exchange(),
                HttpStatus.CONTENT_TOO_LARGE,
                "payload-too-large");
        assertThat(DOWNSTREAM.receivedAt(path)).isEmpty();
    }

    @Test
    void aBodyAtTheLimitGoesThrough() {
        String path = unique("/api/echo/uploads");
        client().post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + userToken())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[LIMIT])
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(DOWNSTREAM.receivedAt(path))
                .hasValueSatisfying(r -> assertThat(r.bodyBytes()).isEqualTo(LIMIT));
    }
}
