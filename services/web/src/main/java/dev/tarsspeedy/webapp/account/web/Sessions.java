package dev.tarsspeedy.webapp.account.web;

import dev.tarsspeedy.webapp.SignInRequired;
import dev.tarsspeedy.webapp.SignedIn;
import dev.tarsspeedy.webapp.account.AccountSettings;
import dev.tarsspeedy.webapp.account.Tokens;
import dev.tarsspeedy.webapp.account.client.IdentityClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * The signed-in user and their tokens in the browser's server-side session. Pages ask it for the bearer token to
 * call an API with; it refreshes the pair shortly before the access token expires, once per session even when
 * several requests of the same browser ask at the same moment (the refresh token rotates: using it twice would end
 * the session).
 */
@Component
public class Sessions {

    private final IdentityClient identity;
    private final AccountSettings settings;
    private final Clock clock;
    private final Map<String, Mono<Tokens>> refreshing = new ConcurrentHashMap<>();

    Sessions(IdentityClient identity, AccountSettings settings) {
        this.identity = identity;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** The page's language, passed on to every API call so its problems come back in it. */
    public static String language(ServerWebExchange exchange) {
        return exchange.getLocaleContext().getLocale() == null
                ? "en"
                : exchange.getLocaleContext().getLocale().getLanguage();
    }

    /** {@code Bearer <access token>} of the session, refreshed when needed; {@link SignInRequired} without one. */
    public Mono<String> bearer(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            Tokens tokens = session.getAttribute(Tokens.SESSION_ATTRIBUTE);
            if (tokens == null) {
                return Mono.<String>error(new SignInRequired());
            }
            if (!tokens.expiresWithin(settings.refreshBefore(), clock.instant())) {
                return Mono.just(tokens.bearer());
            }
            return refreshing
                    .computeIfAbsent(
                            session.getId(),
                            id -> refresh(session, tokens, language(exchange))
                                    .doFinally(signal -> refreshing.remove(id))
                                    .cache())
                    .map(Tokens::bearer);
        });
    }

    /** The signed-in user, or empty. */
    public Mono<SignedIn> user(ServerWebExchange exchange) {
        return exchange.getSession().mapNotNull(session -> session.getAttribute(SignedIn.SESSION_ATTRIBUTE));
    }

    /** The signed-in user, or {@link SignInRequired}. */
    public Mono<SignedIn> requireUser(ServerWebExchange exchange) {
        return user(exchange).switchIfEmpty(Mono.error(new SignInRequired()));
    }

    /** Keeps the pair and the user's profile in a session with a new id (no session fixation). */
    public Mono<SignedIn> signIn(ServerWebExchange exchange, IdentityClient.TokenPair pair) {
        Tokens tokens = tokensOf(pair);
        return identity.me(tokens.bearer(), language(exchange))
                .flatMap(profile -> exchange.getSession()
                        .flatMap(session -> session.changeSessionId().then(Mono.fromSupplier(() -> {
                            SignedIn user = signedIn(profile);
                            session.getAttributes().put(Tokens.SESSION_ATTRIBUTE, tokens);
                            session.getAttributes().put(SignedIn.SESSION_ATTRIBUTE, user);
                            return user;
                        }))));
    }

    /** After the profile changed: what the pages show follows. */
    public Mono<Void> remember(ServerWebExchange exchange, IdentityClient.Profile profile) {
        return exchange.getSession()
                .doOnNext(session -> session.getAttributes().put(SignedIn.SESSION_ATTRIBUTE, signedIn(profile)))
                .then();
    }

    /** Revokes the refresh token's family and ends the session; a second log-out does nothing. */
    public Mono<Void> signOut(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            Tokens tokens = session.getAttribute(Tokens.SESSION_ATTRIBUTE);
            Mono<Void> revoke = tokens == null
                    ? Mono.empty()
                    : identity.logout(language(exchange), new IdentityClient.Refresh(tokens.refreshToken()))
                            .onErrorResume(error -> Mono.empty()); // the session ends anyway
            return revoke.then(session.invalidate());
        });
    }

    private Mono<Tokens> refresh(WebSession session, Tokens tokens, String language) {
        return identity.refresh(language, new IdentityClient.Refresh(tokens.refreshToken()))
                .map(this::tokensOf)
                .doOnNext(fresh -> session.getAttributes().put(Tokens.SESSION_ATTRIBUTE, fresh))
                .flatMap(fresh -> session.save().thenReturn(fresh))
                .onErrorResume(WebClientResponseException.class, refused -> {
                    if (refused.getStatusCode().is4xxClientError()) {
                        // The refresh token was revoked or has expired: the user signs in again.
                        session.getAttributes().remove(Tokens.SESSION_ATTRIBUTE);
                        session.getAttributes().remove(SignedIn.SESSION_ATTRIBUTE);
                        return Mono.error(new SignInRequired());
                    }
                    return Mono.error(refused);
                });
    }

    private Tokens tokensOf(IdentityClient.TokenPair pair) {
        return new Tokens(
                pair.accessToken(), pair.refreshToken(), Instant.now(clock).plusSeconds(pair.expiresIn()));
    }

    private static SignedIn signedIn(IdentityClient.Profile profile) {
        return new SignedIn(
                profile.id(),
                profile.email(),
                profile.name(),
                profile.roles() == null ? Set.of() : Set.copyOf(profile.roles()),
                profile.timeZone(),
                profile.locale());
    }
}
