package dev.tarsspeedy.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The access token from {@code Authorization: Bearer <token>}, as Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} takes it with its defaults (header only, no query or form
 * parameter): no header, or one that does not start with "bearer" in any case, is no token (the request goes on
 * anonymous); "Bearer " followed by anything but an RFC 6750 token ({@code [A-Za-z0-9-._~+/]+=*}) is a malformed token
 * (401). Spring's converter matched a case-insensitive regular expression over the whole token on every request: 7 %
 * of the gateway's CPU samples on the buy path. This is a loop; {@code BearerTokenHeaderTest} holds the two to the
 * same answers.
 */
final class BearerTokenHeader implements ServerAuthenticationConverter {

    private static final String PREFIX = "Bearer ";

    /** RFC 6750's token characters, {@code [A-Za-z0-9-._~+/]}, by ASCII code. */
    private static final boolean[] TOKEN_CHARACTERS = new boolean[128];

    static {
        String others = "-._~+/";
        for (char c = 0; c < 128; c++) {
            TOKEN_CHARACTERS[c] = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || others.indexOf(c) >= 0;
        }
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "bearer", 0, 6)) {
                return Mono.empty();
            }
            String token = token(header);
            if (token == null) {
                return Mono.error(
                        new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
            }
            return Mono.just(new BearerTokenAuthenticationToken(token));
        });
    }

    /** The token of a {@code Bearer} header value, or null when the value is not "Bearer " and one RFC 6750 token. */
    static String token(String header) {
        int start = PREFIX.length();
        int length = header.length();
        if (length <= start || !header.regionMatches(true, 0, PREFIX, 0, start)) {
            return null;
        }
        int i = start;
        while (i < length && tokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return null;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        return i == length ? header.substring(start) : null;
    }

    private static boolean tokenCharacter(char c) {
        return c < 128 && TOKEN_CHARACTERS[c];
    }
}
