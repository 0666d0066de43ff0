package dev.tarsspeedy.platform.caller;

import dev.tarsspeedy.platform.problem.ProblemException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Resolves a {@link Caller} controller parameter from the request's access token. A request without a token, or with
 * one whose subject is not a user id (a service token, a malformed subject), is answered 401 {@code unauthorized}:
 * the token does not identify anybody this endpoint could act for.
 */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String ROLE_PREFIX = "ROLE_";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .map(principal -> (Object)
                        of(principal, exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE)))
                .switchIfEmpty(Mono.error(CallerArgumentResolver::noUser));
    }

    /** The caller a principal names, or a 401 problem. Public for code outside a controller (a filter, a handler). */
    public static Caller of(Principal principal, String acceptLanguage) {
        if (!(principal instanceof JwtAuthenticationToken authentication)) {
            throw noUser();
        }
        Jwt token = authentication.getToken();
        UUID id;
        try {
            id = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw noUser();
        }
        Set<String> roles = new HashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(ROLE_PREFIX)) {
                roles.add(name.substring(ROLE_PREFIX.length()));
            }
        }
        Language language = Language.ofTag(token.getClaimAsString("locale"));
        if (language == null) {
            language = Language.preferredBy(acceptLanguage);
        }
        return new Caller(
                id,
                Caller.usableEmail(token.getClaimAsString("email")),
                roles,
                language,
                Caller.usableZone(token.getClaimAsString("zoneinfo")));
    }

    static ProblemException noUser() {
        return ProblemException.localized(HttpStatus.UNAUTHORIZED, "unauthorized", "unauthorized.no-user");
    }
}
