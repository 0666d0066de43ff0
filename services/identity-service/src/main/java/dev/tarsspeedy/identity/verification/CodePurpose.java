package dev.tarsspeedy.identity.verification;

/** What a code proves, with the email that carries it. */
public enum CodePurpose {
    SIGNUP("signup-verification", "identity:signup-code:"),
    PASSWORD_RESET("password-reset", "identity:password-reset:");

    private final String template;
    private final String idempotencyPrefix;

    CodePurpose(String template, String idempotencyPrefix) {
        this.template = template;
        this.idempotencyPrefix = idempotencyPrefix;
    }

    /** The notification service's template id. */
    public String template() {
        return template;
    }

    /** The email's idempotency key: one email per code, however often the event is delivered. */
    public String idempotencyKey(VerificationCodeId codeId) {
        return idempotencyPrefix + codeId;
    }
}
