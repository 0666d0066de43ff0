package dev.tarsspeedy.gateway.fallback.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import dev.tarsspeedy.gateway.fallback.FallbackSettings;
import dev.tarsspeedy.gateway.fallback.RequestedPathFilter;
import dev.tarsspeedy.platform.problem.Problem;
import dev.tarsspeedy.platform.problem.ProblemWriter;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards ({@code fallbackUri: forward:/fallback/<service>}) when the service is
 * down, slower than the route's timeout, or its breaker is open: a 503 {@code service-unavailable} problem with
 * {@code Retry-After}, for every method. Reached only by forwarding inside the gateway (forwards skip the security
 * filters); a client calling {@code /fallback/...} itself needs a token like anywhere else.
 */
@Hidden
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final ProblemWriter problems;
    private final FallbackSettings properties;

    FallbackController(ProblemWriter problems, FallbackSettings properties) {
        this.problems = problems;
        this.properties = properties;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        String path = originalPath(exchange);
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn(
                "{} unavailable for {} {}: {}",
                service,
                exchange.getRequest().getMethod(),
                path,
                cause != null ? cause.toString() : "no details");
        Problem problem = Problem.standard(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable")
                .with("service", service)
                .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfterSeconds()));
        // The problem's "instance" is what the client asked for, not the internal forward.
        ServerWebExchange asRequested =
                exchange.mutate().request(request -> request.path(path)).build();
        return problems.write(asRequested, problem);
    }

    private static String originalPath(ServerWebExchange exchange) {
        String requested = exchange.getAttribute(RequestedPathFilter.ATTRIBUTE);
        return requested != null ? requested : exchange.getRequest().getPath().value();
    }
}
