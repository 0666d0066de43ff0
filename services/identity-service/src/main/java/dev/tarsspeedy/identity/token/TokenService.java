package dev.tarsspeedy.identity.token;

import dev.tarsspeedy.identity.account.Account;
import dev.tarsspeedy.identity.account.AccountRepository;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.crypto.PasswordHasher;
import dev.tarsspeedy.identity.throttle.LoginThrottle;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Login, refresh and logout. */
@Service
public class TokenService {

    private final AccountRepository accounts;
    private final PasswordHasher passwords;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final AccessTokenIssuer accessTokens;
    private final TokenSettings properties;
    private final TransactionalOperator transaction;

    public TokenService(
            AccountRepository accounts,
            PasswordHasher passwords,
            LoginThrottle throttle,
            RefreshTokens refreshTokens,
            AccessTokenIssuer accessTokens,
            TokenSettings properties,
            TransactionalOperator transaction) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.transaction = transaction;
    }

    /**
     * Checks the password and starts a new token family. Fails with a {@code ThrottledException} after too many
     * failures for the account or the client, {@link InvalidCredentialsException} for a wrong password or an unknown
     * address (the same time and answer for both), {@link AccountNotVerifiedException} for a right password of an
     * account not verified yet.
     */
    public Mono<TokenPair> login(String rawEmail, String password, String clientIp) {
        Optional<EmailAddress> email = EmailAddress.tryParse(rawEmail);
        String throttleKey =
                email.map(EmailAddress::value).orElseGet(() -> rawEmail.strip().toLowerCase(Locale.ROOT));
        return throttle.check(throttleKey, clientIp)
                .then(Mono.justOrEmpty(email).flatMap(accounts::findByEmail).map(Optional::of))
                .defaultIfEmpty(Optional.empty())
                .flatMap(account -> account.isPresent()
                        ? passwords
                                .matches(password, account.get().passwordHash())
                                .map(matches -> matches ? account : Optional.<Account>empty())
                        : passwords.matchesNothing(password).thenReturn(Optional.<Account>empty()))
                .flatMap(account -> {
                    if (account.isEmpty()) {
                        return throttle.recordFailure(throttleKey, clientIp)
                                .then(Mono.error(new InvalidCredentialsException()));
                    }
                    if (!account.get().isActive()) {
                        return Mono.error(new AccountNotVerifiedException());
                    }
                    return throttle.recordSuccess(throttleKey)
                            .then(transaction.transactional(
                                    refreshTokens.startFamily(account.get().id())))
                            .flatMap(refresh -> pair(account.get(), refresh));
                });
    }

    /**
     * Exchanges a refresh token for a new pair. Fails with {@link RefreshTokenReusedException} (the family is revoked
     * by then) or {@link InvalidRefreshTokenException}.
     */
    public Mono<TokenPair> refresh(String refreshToken) {
        Mono<Object> exchange = refreshTokens
                .exchange(refreshToken)
                .flatMap(result -> result instanceof RefreshTokens.Exchange.Rotated rotated
                        ? accounts.findById(rotated.userId())
                                .filter(Account::isActive)
                                .map(account -> (Object) new Refreshed(account, rotated.next()))
                                // An account that can no longer log in: the exchange rolls back.
                                .switchIfEmpty(Mono.error(new InvalidRefreshTokenException()))
                        : Mono.just(result));
        return transaction.transactional(exchange).flatMap(result -> switch (result) {
            case Refreshed refreshed -> pair(refreshed.account(), refreshed.refreshToken());
            case RefreshTokens.Exchange.Reused reused -> Mono.error(new RefreshTokenReusedException());
            default -> Mono.error(new InvalidRefreshTokenException());
        });
    }

    /** Revokes the token's family; an unknown token is no error (logging out twice is fine). */
    public Mono<Void> logout(String refreshToken) {
        return transaction.transactional(refreshTokens.revokeFamilyOf(refreshToken));
    }

    private Mono<TokenPair> pair(Account account, String refreshToken) {
        return accessTokens
                .issue(account)
                .map(access -> new TokenPair(access.value(), refreshToken, properties.accessTokenTtl()));
    }

    private record Refreshed(Account account, String refreshToken) {}
}
