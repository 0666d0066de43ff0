package dev.tarsspeedy.standin.kakaopay;

/** What a switched-on failure does to the next calls of an endpoint ({@link Failures}). */
public enum FailureMode {
    /**
     * Kakaopay refuses: HTTP 400 with error -780 ({@code method_result_code} {@code DECLINED}); on approve the
     * transaction becomes {@code FAIL_PAYMENT}, as when the card or the wallet declines.
     */
    DECLINE,
    /**
     * The request is carried out (an approve takes the money) but the answer comes only after
     * {@link Failures#timeoutDelay()}: the client gives up first and does not know what happened.
     */
    TIMEOUT,
    /** HTTP 500 at once and nothing done, like an outage in front of Kakaopay. */
    SERVER_ERROR
}
