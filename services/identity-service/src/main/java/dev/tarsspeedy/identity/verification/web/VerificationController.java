package dev.tarsspeedy.identity.verification.web;

import dev.tarsspeedy.identity.account.AccountStatus;
import dev.tarsspeedy.identity.account.EmailAddress;
import dev.tarsspeedy.identity.verification.PasswordResetService;
import dev.tarsspeedy.identity.verification.VerificationService;
import dev.tarsspeedy.identity.verification.web.Requests.EmailRequest;
import dev.tarsspeedy.identity.verification.web.Requests.ResetRequest;
import dev.tarsspeedy.identity.verification.web.Requests.VerifiedResponse;
import dev.tarsspeedy.identity.verification.web.Requests.VerifyRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Emailed codes: verifying a sign-up, a new code, and resetting a forgotten password. */
@RestController
class VerificationController {

    private final VerificationService verification;
    private final PasswordResetService passwordReset;

    VerificationController(VerificationService verification, PasswordResetService passwordReset) {
        this.verification = verification;
        this.passwordReset = passwordReset;
    }

    @PostMapping("/api/auth/verification")
    Mono<VerifiedResponse> verify(@Valid @RequestBody VerifyRequest request) {
        return Mono.defer(() -> verification.verify(EmailAddress.parse(request.email()), request.code()))
                .thenReturn(new VerifiedResponse(AccountStatus.ACTIVE.name()))
                .onErrorMap(VerificationProblems::translate);
    }

    @PostMapping("/api/auth/verification/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> resend(@Valid @RequestBody EmailRequest request) {
        return Mono.defer(() -> verification.resend(EmailAddress.parse(request.email())))
                .onErrorMap(VerificationProblems::translate);
    }

    @PostMapping("/api/auth/password/reset-request")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Void> requestReset(@Valid @RequestBody EmailRequest request) {
        return Mono.defer(() -> passwordReset.request(EmailAddress.parse(request.email())))
                .onErrorMap(VerificationProblems::translate);
    }

    @PostMapping("/api/auth/password/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> reset(@Valid @RequestBody ResetRequest request) {
        return Mono.defer(() ->
                        passwordReset.reset(EmailAddress.parse(request.email()), request.code(), request.newPassword()))
                .onErrorMap(VerificationProblems::translate);
    }
}
