package dev.tarsspeedy.standin.kakaopay;

import java.text.NumberFormat;
import java.util.Locale;

/** The page behind {@code next_redirect_pc_url}: what the buyer sees instead of Kakaopay's QR code and password. */
final class PaymentPage {

    private PaymentPage() {}

    static String render(Transaction tx, boolean expired) {
        StringBuilder html = new StringBuilder();
        html.append("""
                <!DOCTYPE html>
                <html lang="ko">
                <head><meta charset="utf-8"><title>카카오페이 결제 (stand-in)</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>
                body{font-family:sans-serif;background:#f5f5f5;margin:0;padding:40px}
                main{max-width:420px;margin:auto;background:#fff;border-radius:12px;padding:24px}
                h1{font-size:20px;background:#ffeb00;margin:-24px -24px 16px;padding:16px 24px;border-radius:12px 12px 0 0}
                dt{color:#666;font-size:13px}dd{margin:0 0 12px;font-size:16px}
                .amount{font-size:24px;font-weight:bold}
                form{display:inline}button{font-size:16px;padding:10px 20px;margin-right:8px;border-radius:8px}
                #approve{background:#ffeb00;border:1px solid #e0cf00}
                .note{color:#999;font-size:12px;margin-top:24px}
                </style></head>
                <body><main>
                <h1>카카오페이 결제 · Kakaopay</h1>
                """);
        html.append("<dl><dt>상품 · Item</dt><dd id=\"item\">")
                .append(escape(tx.itemName))
                .append("</dd><dt>수량 · Quantity</dt><dd id=\"quantity\">")
                .append(tx.quantity)
                .append("</dd><dt>결제 금액 · Amount</dt><dd class=\"amount\" id=\"amount\">")
                .append(won(tx.totalAmount))
                .append("</dd></dl>\n");
        if (expired) {
            html.append("<p id=\"state\">결제 시간이 지났습니다. · This payment request has expired.</p>\n");
        } else if (tx.awaitingBuyer()) {
            String base = "/online/v1/payment/pages/" + escape(tx.tid);
            html.append("<form method=\"post\" action=\"")
                    .append(base)
                    .append("/approve\"><button id=\"approve\" type=\"submit\">결제하기 · Approve</button></form>\n")
                    .append("<form method=\"post\" action=\"")
                    .append(base)
                    .append("/cancel\"><button id=\"cancel\" type=\"submit\">취소 · Cancel</button></form>\n");
        } else {
            html.append("<p id=\"state\">이미 처리된 결제입니다 · This payment was already handled (")
                    .append(escape(tx.status))
                    .append(").</p>\n");
        }
        html.append("<p class=\"note\">Local stand-in of Kakaopay: no money moves.</p>\n</main></body></html>\n");
        return html.toString();
    }

    static String message(String korean, String english) {
        return "<!DOCTYPE html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>Kakaopay (stand-in)</title></head>"
                + "<body><p id=\"state\">" + escape(korean) + " · " + escape(english) + "</p></body></html>\n";
    }

    static String won(long amount) {
        return NumberFormat.getIntegerInstance(Locale.KOREA).format(amount) + "원 (KRW)";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
