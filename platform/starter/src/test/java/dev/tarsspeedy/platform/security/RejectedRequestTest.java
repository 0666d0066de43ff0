package dev.tarsspeedy.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.problem.ProblemMapper;
import dev.tarsspeedy.platform.problem.ProblemWebExceptionHandler;
import dev.tarsspeedy.platform.problem.ProblemWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.test.web.reactive.server.MockServerConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Spring Security's firewall ({@code StrictServerWebExchangeFirewall}, in front of every security filter) refuses
 * is a 400 problem in the reader's language: its own handler answers an empty 400, which told a client nothing and
 * broke every client that expects a problem body.
 */
class RejectedRequestTest {

    private static final String TYPES = "https://tars-speedy.dev/problems/";
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {};

    @RestController
    static class Orders {

        @GetMapping("/api/orders/{id}/return")
        Mono<String> order(@PathVariable String id) {
            return Mono.just(id);
        }

        @GetMapping("/api/orders")
        Mono<String> search(@RequestParam(required = false) String q) {
            return Mono.just(String.valueOf(q));
        }
    }

    private static final WebFilter PASS = (exchange, chain) -> chain.filter(exchange);

    private final WebTestClient client;

    RejectedRequestTest() {
        ProblemWriter writer =
                new ProblemWriter(URI.create(TYPES), JsonMapper.builder().build());
        // As WebFluxSecurityConfiguration builds it, with the platform's handler as the exchange-rejected handler.
        WebFilterChainProxy security = new WebFilterChainProxy(
                new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.anyExchange(), List.of(PASS)));
        security.setExchangeRejectedHandler(new ProblemSecurityHandlers(writer));
        client = WebTestClient.bindToController(new Orders())
                .webFilter(security)
                .apply(new MockServerConfigurer() {
                    @Override
                    public void beforeServerCreated(WebHttpHandlerBuilder builder) {
                        builder.exceptionHandlers(handlers ->
                                handlers.addFirst(new ProblemWebExceptionHandler(new ProblemMapper(), writer)));
                    }
                })
                .build();
    }

    @Test
    void anEncodedSlashOrNulInThePathIs400Problem() {
        for (String path : List.of(
                "/api/orders/..%2F..%2Fetc%2Fpasswd/return",
                "/api/orders/%00/return",
                "/api/orders/a%5Cb/return",
                "/api/orders/a;b=c/return",
                "/api/orders/%252e%252e/return")) {
            Map<String, Object> problem = rejected(path, "en");
            assertThat(problem)
                    .as(path)
                    .containsEntry("title", "Bad request")
                    .containsEntry("status", 400)
                    .containsEntry("instance", path);
            assertThat(problem.get("detail").toString()).as(path).startsWith("The address or headers of the request");
        }
        assertThat(rejected("/api/orders/%00/return", "ko"))
                .containsEntry("title", "잘못된 요청")
                .hasEntrySatisfying(
                        "detail", detail -> assertThat(detail.toString()).startsWith("요청 주소나 헤더에 허용되지 않는 문자"));
    }

    @Test
    void ordinaryRequestsPass() {
        client.get()
                .uri(URI.create("/api/orders/%ED%95%9C%20x/return"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("한 x");
        client.get().uri("/api/orders?q=kim lee").exchange().expectStatus().isOk();
    }

    private Map<String, Object> rejected(String pathAndQuery, String language) {
        Map<String, Object> problem = client.get()
                .uri(URI.create(pathAndQuery))
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP)
                .returnResult()
                .getResponseBody();
        assertThat(problem).as(pathAndQuery).containsEntry("type", TYPES + "bad-request");
        return problem;
    }
}
