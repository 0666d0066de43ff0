package dev.tarsspeedy.identity.verification.persistence;

import dev.tarsspeedy.identity.account.Account;
import dev.tarsspeedy.identity.verification.CodeEmails;
import dev.tarsspeedy.identity.verification.CodePurpose;
import dev.tarsspeedy.identity.verification.VerificationCodeId;
import dev.tarsspeedy.platform.events.outbox.EmailOutbox;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Codes as email requests through the platform's outbox, with the model the notification service's templates use. */
@Component
class OutboxCodeEmails implements CodeEmails {

    private final EmailOutbox outbox;

    OutboxCodeEmails(EmailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Mono<Void> send(
            Account account, CodePurpose purpose, VerificationCodeId codeId, String code, Duration validFor) {
        return outbox.requestEmail(
                purpose.template(),
                account.email().value(),
                account.language().tag(),
                Map.of("name", account.name(), "code", code, "expiresInMinutes", validFor.toMinutes()),
                purpose.idempotencyKey(codeId));
    }
}
