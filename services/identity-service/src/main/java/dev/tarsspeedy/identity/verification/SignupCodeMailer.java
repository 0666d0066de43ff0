package dev.tarsspeedy.identity.verification;

import dev.tarsspeedy.identity.account.Account;
import dev.tarsspeedy.identity.account.SignupVerification;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The sign-up's code: issued and emailed in the sign-up's transaction. */
@Component
class SignupCodeMailer implements SignupVerification {

    private final VerificationCodes codes;

    SignupCodeMailer(VerificationCodes codes) {
        this.codes = codes;
    }

    @Override
    public Mono<Void> sendCode(Account account) {
        return codes.issue(account, CodePurpose.SIGNUP);
    }
}
