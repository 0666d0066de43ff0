package dev.tarsspeedy.identity.account.web;

import dev.tarsspeedy.identity.account.AccountService;
import dev.tarsspeedy.identity.account.AccountSettings;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.account.SignUp;
import dev.tarsspeedy.identity.account.web.Requests.SignupRequest;
import dev.tarsspeedy.identity.account.web.Responses.SignupResponse;
import dev.tarsspeedy.platform.caller.Language;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/signup}: a new account, pending verification of its address. */
@RestController
class SignupController {

    private final AccountService accounts;
    private final AccountSettings properties;

    SignupController(AccountService accounts, AccountSettings properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @PostMapping("/api/auth/signup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<SignupResponse> signUp(
            @Valid @RequestBody SignupRequest request,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
        return Mono.defer(() -> accounts.signUp(new SignUp(
                        EmailAddress.parse(request.email()),
                        request.password(),
                        request.name(),
                        // The chosen language, else the one the request prefers (Korean over English, or English).
                        Optional.ofNullable(Language.ofTag(request.locale()))
                                .orElseGet(() -> Language.preferredBy(acceptLanguage)),
                        request.timeZone() == null ? properties.defaultTimeZone() : ZoneId.of(request.timeZone()))))
                .map(SignupResponse::of)
                .onErrorMap(AccountProblems::translate);
    }
}
