package dev.tarsspeedy.platform.caller;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the user named by the access token. A controller takes it as a method parameter; the platform
 * resolves it once, the same way in every service ({@link CallerArgumentResolver}).
 *
 * <pre>{@code
 * @PutMapping("/api/wishlist/{dropId}")
 * Mono<Void> put(@PathVariable UUID dropId, Caller caller) {
 *     return wishlist.put(new UserId(caller.id()), new DropId(dropId), caller.email(), caller.language());
 * }
 * }</pre>
 *
 * @param id the token's subject, the user's id
 * @param email the token's {@code email} claim, trimmed; {@code null} when missing, blank, longer than RFC 5321
 *     allows or without a local part and a domain, so a mail is never addressed to garbage
 * @param roles the token's roles ({@code USER}, {@code ADMIN}), without the {@code ROLE_} prefix
 * @param language the token's {@code locale} claim when it is Korean or English, else the request's
 *     {@code Accept-Language} preference, else English
 * @param zone the token's {@code zoneinfo} claim (the profile's time zone, OIDC), or {@code null} when missing or not a
 *     zone {@link ZoneId} knows; {@link #zoneOrDefault()} falls back
 */
public record Caller(UUID id, String email, Set<String> roles, Language language, ZoneId zone) {

    /** Longest address an email may have (RFC 5321). */
    public static final int MAX_EMAIL_LENGTH = 254;

    public Caller {
        if (id == null) {
            throw new IllegalArgumentException("a caller has an id");
        }
        roles = Set.copyOf(roles);
        language = language == null ? Language.EN : language;
    }

    /** A caller whose token names no time zone. */
    public Caller(UUID id, String email, Set<String> roles, Language language) {
        this(id, email, roles, language, null);
    }

    /** The caller's time zone; without one, Asia/Seoul for a Korean reader and UTC otherwise. */
    public ZoneId zoneOrDefault() {
        if (zone != null) {
            return zone;
        }
        return language == Language.KO ? ZoneId.of("Asia/Seoul") : ZoneId.of("UTC");
    }

    /** A {@code zoneinfo} claim as a zone, or {@code null} when missing or unknown. */
    public static ZoneId usableZone(String claim) {
        if (claim == null || claim.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(claim.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole("ADMIN");
    }

    /** An {@code email} claim as the platform accepts it, or {@code null}. */
    public static String usableEmail(String claim) {
        if (claim == null) {
            return null;
        }
        String email = claim.strip();
        int at = email.indexOf('@');
        if (email.isEmpty() || email.length() > MAX_EMAIL_LENGTH || at <= 0 || at == email.length() - 1) {
            return null;
        }
        return email;
    }
}
