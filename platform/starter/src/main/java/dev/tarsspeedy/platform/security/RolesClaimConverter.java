package dev.tarsspeedy.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/** Roles from a claim ({@code ["USER","ADMIN"]}) become {@code ROLE_USER}, {@code ROLE_ADMIN}; the subject is the name. */
public final class RolesClaimConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final String claim;

    public RolesClaimConverter(String claim) {
        this.claim = claim;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
    }

    Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.hasClaim(claim) ? jwt.getClaimAsStringList(claim) : List.of();
        return roles.stream()
                .filter(role -> role != null && !role.isBlank())
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.trim()))
                .toList();
    }
}
