package dev.tarsspeedy.identity.account.web;

import dev.tarsspeedy.identity.account.AccountProperties;
import dev.tarsspeedy.identity.account.AccountService;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.account.Language;
import dev.tarsspeedy.identity.account.SignUp;
import dev.tarsspeedy.identity.account.web.Requests.SignupRequest;
import dev.tarsspeedy.identity.account.web.Responses.SignupResponse;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/signup}: a new account, pending verification of its address. */
@RestController
class SignupController {

    private final AccountService accounts;
    private final AccountProperties properties;

    SignupController(AccountService accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @PostMapping("/api/auth/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<SignupResponse> signUp(@Valid @RequestBody SignupRequest request, ServerHttpRequest http) {
        return Mono.defer(() -> accounts.signUp(new SignUp(
                        EmailAddress.parse(request.email()),
                        request.password(),
                        request.name(),
                        Language.fromTag(request.locale()).orElseGet(() -> preferred(http)),
                        request.timeZone() == null ? properties.defaultTimeZone() : ZoneId.of(request.timeZone()))))
                .map(SignupResponse::of)
                .onErrorMap(AccountProblems::translate);
    }

    /** Korean when the request prefers it over English ({@code Accept-Language}), else English. */
    static Language preferred(ServerHttpRequest http) {
        try {
            Locale match = Locale.lookup(http.getHeaders().getAcceptLanguage(), List.of(Locale.ENGLISH, Locale.KOREAN));
            return match != null && match.getLanguage().equals("ko") ? Language.KO : Language.EN;
        } catch (IllegalArgumentException e) {
            return Language.EN;
        }
    }
}
