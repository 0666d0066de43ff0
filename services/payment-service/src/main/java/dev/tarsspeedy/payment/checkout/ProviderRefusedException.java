package dev.tarsspeedy.payment.checkout;

/** Kakaopay answered with an error body: {@code error_code}, {@code error_message} and its {@code extras}. */
public class ProviderRefusedException extends RuntimeException {

    /** approve before the buyer finished on Kakaopay's page: the payment can still be approved later. */
    public static final int NOT_AUTHENTICATED = -701;
    /** approve of a tid approved already. */
    public static final int ALREADY_APPROVED = -702;

    private final int httpStatus;
    private final int code;
    private final String methodResultCode;

    public ProviderRefusedException(int httpStatus, int code, String message, String methodResultCode) {
        super("Kakaopay refused (HTTP " + httpStatus + ", " + code + "): " + message
                + (methodResultCode == null ? "" : " [" + methodResultCode + "]"));
        this.httpStatus = httpStatus;
        this.code = code;
        this.methodResultCode = methodResultCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public String methodResultCode() {
        return methodResultCode;
    }
}
