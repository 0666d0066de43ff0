package dev.tarsspeedy.webapp.account.client;

import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import reactor.core.publisher.Mono;

/** The identity service's public API, through the gateway. Every call passes the page's language on. */
@HttpExchange
public interface IdentityClient {

    record Signup(String email, String password, String name, String locale, String timeZone) {}

    record Verification(String email, String code) {}

    record Email(String email) {}

    record Credentials(String email, String password) {}

    record Refresh(String refreshToken) {}

    record Reset(String email, String code, String newPassword) {}

    record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {}

    record Profile(UUID id, String email, String name, String locale, String timeZone, List<String> roles) {}

    record ProfileChange(String name, String locale, String timeZone) {}

    @PostExchange("/api/auth/signup")
    Mono<Void> signup(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestBody Signup signup);

    @PostExchange("/api/auth/verification")
    Mono<Void> verify(
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestBody Verification verification);

    @PostExchange("/api/auth/verification/resend")
    Mono<Void> resend(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestBody Email email);

    @PostExchange("/api/auth/login")
    Mono<TokenPair> login(
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestBody Credentials credentials);

    @PostExchange("/api/auth/token/refresh")
    Mono<TokenPair> refresh(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestBody Refresh refresh);

    @PostExchange("/api/auth/logout")
    Mono<Void> logout(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestBody Refresh refresh);

    @PostExchange("/api/auth/password/reset-request")
    Mono<Void> requestReset(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestBody Email email);

    @PostExchange("/api/auth/password/reset")
    Mono<Void> reset(@RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language, @RequestBody Reset reset);

    @GetExchange("/api/users/me")
    Mono<Profile> me(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language);

    @PatchExchange("/api/users/me")
    Mono<Profile> change(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String bearer,
            @RequestHeader(HttpHeaders.ACCEPT_LANGUAGE) String language,
            @RequestBody ProfileChange change);
}
