package dev.tarsspeedy.platform.security;

import dev.tarsspeedy.platform.problem.Problem;
import dev.tarsspeedy.platform.problem.ProblemMapper;
import dev.tarsspeedy.platform.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem details, with the {@code WWW-Authenticate} header RFC 6750 asks for; and a request Spring
 * Security's firewall refuses (an encoded slash or NUL in the path, ...) as a 400 problem, where Spring Security
 * answers an empty 400 (its {@code WebFilterChainProxy} takes the one {@link ServerExchangeRejectedHandler} bean).
 */
public final class ProblemSecurityHandlers
        implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerExchangeRejectedHandler {

    private final ProblemWriter writer;

    public ProblemSecurityHandlers(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException error) {
        boolean badToken = error instanceof InvalidBearerTokenException
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        String challenge = badToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return writer.write(
                exchange,
                Problem.standard(HttpStatus.UNAUTHORIZED, "unauthorized")
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return writer.write(
                exchange,
                Problem.standard(HttpStatus.FORBIDDEN, "forbidden")
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        return writer.write(exchange, ProblemMapper.rejected(rejected));
    }
}
