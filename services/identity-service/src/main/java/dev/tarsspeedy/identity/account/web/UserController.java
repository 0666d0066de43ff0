package dev.tarsspeedy.identity.account.web;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.identity.account.AccountService;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.account.ProfileChange;
import dev.tarsspeedy.identity.account.web.Requests.ProfileRequest;
import dev.tarsspeedy.identity.account.web.Responses.UserResponse;
import dev.tarsspeedy.platform.caller.Caller;
import dev.tarsspeedy.platform.caller.Language;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The signed-in user's own account ({@code /api/users/me}), and the operators' look-up by address
 * ({@code GET /api/users?email=}, role {@code ADMIN}; see {@code platform.security.admin-paths}).
 */
@RestController
class UserController {

    private final AccountService accounts;

    UserController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/users/me")
    Mono<UserResponse> me(Caller caller) {
        return Mono.defer(() -> accounts.get(new UserId(caller.id())))
                .map(UserResponse::of)
                .onErrorMap(AccountProblems::translate);
    }

    @PatchMapping("/api/users/me")
    Mono<UserResponse> change(Caller caller, @Valid @RequestBody ProfileRequest request) {
        ProfileChange change = new ProfileChange(
                Optional.ofNullable(request.name()),
                Optional.ofNullable(Language.ofTag(request.locale())),
                Optional.ofNullable(request.timeZone()).map(ZoneId::of));
        return Mono.defer(() -> accounts.changeProfile(new UserId(caller.id()), change))
                .map(UserResponse::of)
                .onErrorMap(AccountProblems::translate);
    }

    @GetMapping("/api/users")
    Mono<List<UserResponse>> find(@RequestParam String email) {
        return Mono.defer(() -> accounts.find(EmailAddress.parse(email)))
                .map(account -> List.of(UserResponse.of(account)))
                .defaultIfEmpty(List.of())
                .onErrorMap(AccountProblems::translate);
    }
}
