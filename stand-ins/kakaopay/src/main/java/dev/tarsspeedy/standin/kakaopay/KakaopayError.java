package dev.tarsspeedy.standin.kakaopay;

/**
 * An answer in Kakaopay's error shape: {@code {"error_code":-780,"error_message":"...","extras":{"method_result_code":
 * "...","method_result_message":"..."}}}.
 *
 * <p>Codes used, following the real API where it documents them: -2 invalid parameters, -3 a cid the key may not use,
 * -401 a wrong or missing secret key (HTTP 401), -701 approve before the buyer finished authentication, -702 a
 * transaction already approved, -721 an unknown tid, -723 a transaction past its 15 minutes, -726 order information
 * that does not match the ready call, -780 approve refused (wrong pg_token, declined), -798 a cancel Kakaopay refuses
 * (more than is left, nothing approved).
 */
final class KakaopayError extends RuntimeException {

    final int httpStatus;
    final int code;
    final String methodResultCode;
    final String methodResultMessage;

    KakaopayError(int httpStatus, int code, String message) {
        this(httpStatus, code, message, null, null);
    }

    KakaopayError(int httpStatus, int code, String message, String methodResultCode, String methodResultMessage) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
        this.methodResultCode = methodResultCode;
        this.methodResultMessage = methodResultMessage;
    }

    static KakaopayError invalid(String message) {
        return new KakaopayError(400, -2, message);
    }
}
