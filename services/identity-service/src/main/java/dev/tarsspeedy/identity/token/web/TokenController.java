package dev.tarsspeedy.identity.token.web;

import dev.tarsspeedy.identity.token.TokenPair;
import dev.tarsspeedy.identity.token.TokenService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.InetSocketAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Login, refresh and logout. */
@RestController
class TokenController {

    private final TokenService tokens;

    TokenController(TokenService tokens) {
        this.tokens = tokens;
    }

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(min = 1, max = 128) String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {

        @Override
        public String toString() {
            return "RefreshRequest[redacted]";
        }
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

        static TokenResponse of(TokenPair pair) {
            return new TokenResponse(
                    pair.accessToken(),
                    pair.refreshToken(),
                    "Bearer",
                    pair.accessTokenTtl().toSeconds());
        }
    }

    @PostMapping("/api/auth/login")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequest request, ServerHttpRequest http) {
        return Mono.defer(() -> tokens.login(request.email(), request.password(), clientIp(http)))
                .map(TokenResponse::of)
                .onErrorMap(TokenProblems::translate);
    }

    @PostMapping("/api/auth/token/refresh")
    Mono<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return Mono.defer(() -> tokens.refresh(request.refreshToken()))
                .map(TokenResponse::of)
                .onErrorMap(TokenProblems::translate);
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> logout(@Valid @RequestBody RefreshRequest request) {
        return Mono.defer(() -> tokens.logout(request.refreshToken())).onErrorMap(TokenProblems::translate);
    }

    /** The client's address; behind a proxy, as forwarded ({@code server.forward-headers-strategy}). */
    static String clientIp(ServerHttpRequest http) {
        InetSocketAddress remote = http.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
