package dev.tarsspeedy.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class ClientKeyResolverTest {

    private static final InetSocketAddress CLIENT = new InetSocketAddress("203.0.113.7", 51234);

    @Test
    void anAuthenticatedUserIsLimitedByTheTokensSubject() {
        assertThat(ClientKeyResolver.key(jwt("user-42"), CLIENT)).isEqualTo("user:user-42");
    }

    @Test
    void withoutAUserTheClientAddressIsTheKey() {
        assertThat(ClientKeyResolver.key(null, CLIENT)).isEqualTo("ip:203.0.113.7");
        assertThat(ClientKeyResolver.key(null, new InetSocketAddress("2001:db8::1", 443)))
                .isEqualTo("ip:2001:db8:0:0:0:0:0:1");
        assertThat(ClientKeyResolver.key(null, null)).isEqualTo("ip:unknown");
    }

    @Test
    void anonymousOrUnauthenticatedPrincipalsCountAsNoUser() {
        AnonymousAuthenticationToken anonymous = new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        assertThat(ClientKeyResolver.key(anonymous, CLIENT)).isEqualTo("ip:203.0.113.7");

        JwtAuthenticationToken notYet = jwt("user-42");
        notYet.setAuthenticated(false);
        assertThat(ClientKeyResolver.key(notYet, CLIENT)).isEqualTo("ip:203.0.113.7");
    }

    @Test
    void resolvesFromTheExchange() {
        ServerWebExchange anonymous = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/drops").remoteAddress(CLIENT));
        assertThat(new ClientKeyResolver().resolve(anonymous).block()).isEqualTo("ip:203.0.113.7");

        ServerWebExchange signedIn =
                anonymous.mutate().principal(Mono.just(jwt("user-7"))).build();
        assertThat(new ClientKeyResolver().resolve(signedIn).block()).isEqualTo("user:user-7");
    }

    private static JwtAuthenticationToken jwt(String subject) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(List.of("ROLE_USER")), subject);
    }
}
