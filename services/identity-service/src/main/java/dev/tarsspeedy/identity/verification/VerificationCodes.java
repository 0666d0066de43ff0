package dev.tarsspeedy.identity.verification;

import dev.tarsspeedy.identity.UserId;
import dev.tarsspeedy.identity.account.Account;
import dev.tarsspeedy.identity.crypto.SecretHasher;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Issues codes (stored as keyed hashes, sent by email) and checks entered ones. Both run inside the caller's
 * transaction: a code is issued together with its email request, and a wrong entry is counted even though the
 * caller then answers with an error.
 */
@Service
public class VerificationCodes {

    private final VerificationCodeRepository codes;
    private final CodeGenerator generator;
    private final SecretHasher hasher;
    private final CodeEmails emails;
    private final VerificationSettings properties;
    private final Clock clock;

    public VerificationCodes(
            VerificationCodeRepository codes,
            CodeGenerator generator,
            SecretHasher hasher,
            CodeEmails emails,
            VerificationSettings properties,
            Clock clock) {
        this.codes = codes;
        this.generator = generator;
        this.hasher = hasher;
        this.emails = emails;
        this.properties = properties;
        this.clock = clock;
    }

    /** Replaces the account's live code of this purpose with a new one and requests the email that carries it. */
    public Mono<Void> issue(Account account, CodePurpose purpose) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            VerificationCodeId id = VerificationCodeId.random();
            String code = generator.next();
            VerificationCode stored = new VerificationCode(
                    id,
                    account.id(),
                    purpose,
                    hasher.hash(VerificationCode.hashPurpose(id), code),
                    now,
                    now.plus(properties.codeTtl()),
                    0,
                    null,
                    null);
            return codes.supersedeLive(account.id(), purpose, now)
                    .then(codes.insert(stored))
                    .then(emails.send(account, purpose, id, code, properties.codeTtl()));
        });
    }

    /** Checks an entered code against the user's live code of this purpose; an accepted code is used up. */
    Mono<CodeCheck> check(UserId userId, CodePurpose purpose, String entered) {
        return codes.findLiveForUpdate(userId, purpose)
                .flatMap(code -> {
                    if (code.failedAttempts() >= properties.maxAttempts()) {
                        return Mono.<CodeCheck>just(new CodeCheck.Exhausted());
                    }
                    Instant now = clock.instant();
                    if (!now.isBefore(code.expiresAt())) {
                        return Mono.<CodeCheck>just(new CodeCheck.Expired());
                    }
                    if (hasher.matches(code.codeHash(), VerificationCode.hashPurpose(code.id()), entered)) {
                        return codes.consume(code.id(), now).thenReturn(new CodeCheck.Accepted());
                    }
                    int left = properties.maxAttempts() - code.failedAttempts() - 1;
                    return codes.recordFailedAttempt(code.id()).thenReturn(new CodeCheck.Rejected(left));
                })
                .defaultIfEmpty(new CodeCheck.NoCode());
    }
}
