package dev.tarsspeedy.payment.checkout.web;

import dev.tarsspeedy.payment.checkout.Payment;
import dev.tarsspeedy.payment.checkout.PaymentStatus;

/**
 * The plain page a callback ends on until the web interface has an order page: what happened, in Korean or
 * English, without personal data (no names, addresses, amounts tied to a person; only the status).
 */
final class ResultPage {

    private ResultPage() {}

    static String render(Payment payment, boolean korean) {
        String[] text = text(payment);
        String message = korean ? text[0] : text[1];
        String detail = korean ? text[2] : text[3];
        boolean pending = payment.status() == PaymentStatus.APPROVING || payment.status() == PaymentStatus.READY;
        return page(
                korean,
                payment.status().name(),
                message,
                detail,
                pending ? "<meta http-equiv=\"refresh\" content=\"3\">" : "");
    }

    static String notFound(boolean korean) {
        return page(
                korean,
                "NOT_FOUND",
                korean ? "결제를 찾을 수 없습니다" : "No such payment",
                korean ? "주소를 확인해 주세요." : "Please check the address.",
                "");
    }

    /** {korean title, english title, korean detail, english detail}. */
    private static String[] text(Payment payment) {
        return switch (payment.status()) {
            case READY ->
                new String[] {
                    "결제를 기다리고 있습니다",
                    "Waiting for your payment",
                    "카카오페이에서 결제를 마쳐 주세요.",
                    "Please finish the payment at Kakaopay."
                };
            case APPROVING ->
                new String[] {
                    "결제를 확인하고 있습니다",
                    "Confirming your payment",
                    "카카오페이에 결제 결과를 확인하는 중입니다. 잠시 후 이 페이지가 새로 고쳐집니다. 결제는 한 번만 청구됩니다.",
                    "We are confirming the result with Kakaopay; this page refreshes shortly. You are charged once at most."
                };
            case APPROVED ->
                new String[] {
                    "결제가 완료되었습니다",
                    "Payment complete",
                    "주문이 곧 확정되며 확인 이메일을 보내 드립니다.",
                    "Your order will be confirmed shortly and you will get an email."
                };
            case CANCELLED ->
                new String[] {
                    "결제를 취소했습니다",
                    "Payment cancelled",
                    "청구된 금액은 없습니다. 주문 시간이 남아 있다면 다시 결제할 수 있습니다.",
                    "Nothing was charged. You can pay again while the order is still open."
                };
            case FAILED -> failed(payment.failureReason());
            case REFUNDING, REFUNDED ->
                new String[] {
                    "결제가 환불되었습니다",
                    "Payment refunded",
                    "결제 금액은 카카오페이를 통해 돌려 드렸습니다.",
                    "The amount was given back through Kakaopay."
                };
        };
    }

    private static String[] failed(String reason) {
        if ("ORDER_EXPIRED".equals(reason)) {
            return new String[] {
                "주문 결제 시간이 지났습니다",
                "The time to pay for this order ran out",
                "결제는 승인되지 않았으며 청구된 금액은 없습니다.",
                "The payment was not approved and nothing was charged."
            };
        }
        return new String[] {
            "결제에 실패했습니다",
            "The payment failed",
            "카카오페이가 결제를 승인하지 않았습니다. 청구된 금액은 없습니다.",
            "Kakaopay did not approve the payment. Nothing was charged."
        };
    }

    private static String page(boolean korean, String status, String message, String detail, String head) {
        return "<!DOCTYPE html>\n<html lang=\"" + (korean ? "ko" : "en") + "\">\n<head><meta charset=\"utf-8\">"
                + head
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Speedy</title></head>\n<body style=\"font-family:sans-serif;max-width:480px;margin:40px auto\">"
                + "\n<h1 id=\"result\" data-status=\"" + status + "\">" + message + "</h1>\n<p>" + detail
                + "</p>\n<p><a href=\"/\">" + (korean ? "처음으로" : "Home") + "</a></p>\n</body>\n</html>\n";
    }
}
