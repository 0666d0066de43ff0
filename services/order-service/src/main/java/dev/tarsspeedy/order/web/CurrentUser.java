package dev.tarsspeedy.order.web;

import dev.tarsspeedy.order.ids.UserId;
import dev.tarsspeedy.order.sale.SaleStore;
import dev.tarsspeedy.platform.problem.ProblemException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/** The buyer of a request: the access token's subject, the user's id. */
public final class CurrentUser {

    private CurrentUser() {}

    public static UserId of(Jwt jwt) {
        try {
            return UserId.parse(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.localized(HttpStatus.UNAUTHORIZED, "unauthorized", "unauthorized.no-user");
        }
    }

    /** Longest address an email may have (RFC 5321). */
    static final int MAX_EMAIL_LENGTH = 254;

    /**
     * Where the order's emails go: the token's {@code email} claim (left out when missing, blank, too long or without
     * an {@code @}) and Korean when {@code Accept-Language} prefers it over English, else English. Cheap: most
     * headers are decided by a glance, only those naming both languages are parsed.
     */
    public static SaleStore.BuyerContact contact(Jwt jwt, String acceptLanguage) {
        String email = jwt == null ? null : jwt.getClaimAsString("email");
        if (email != null) {
            email = email.strip();
            if (email.isEmpty() || email.length() > MAX_EMAIL_LENGTH || email.indexOf('@') <= 0) {
                email = null;
            }
        }
        return new SaleStore.BuyerContact(email, prefersKorean(acceptLanguage) ? "ko" : "en");
    }

    static boolean prefersKorean(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        String header = acceptLanguage.toLowerCase(Locale.ROOT);
        if (!header.contains("ko")) {
            return false;
        }
        if (!header.contains("en")) {
            return true;
        }
        try {
            Locale best =
                    Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), List.of(Locale.KOREAN, Locale.ENGLISH));
            return best != null && best.getLanguage().equals("ko");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
