package dev.tarsspeedy.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message-IDs derived from idempotency keys: {@code <SHA-256 of the key, hex@domain>}. Every attempt of one request
 * carries the same Message-ID, so a copy sent twice (see docs/email-delivery.md) is recognisable as the same message
 * by mail servers, clients and people; and the key itself (which may name internal ids) never leaves the service.
 */
public final class MessageIds {

    private static final Pattern DOMAIN =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");
    // The address in "Name <local@domain>" or a bare "local@domain".
    private static final Pattern ADDRESS_DOMAIN = Pattern.compile("@([^@<>\\s]+?)>?\\s*$");

    private final String domain;

    /** @param domain the right-hand side of every Message-ID, a domain the platform sends mail for */
    public MessageIds(String domain) {
        Objects.requireNonNull(domain, "domain");
        if (!DOMAIN.matcher(domain).matches()) {
            throw new IllegalArgumentException("not a domain name for Message-IDs: '" + domain + "'");
        }
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    /** Message-IDs in the domain of a From address such as {@code TARS & Speedy <no-reply@tars-speedy.dev>}. */
    public static MessageIds forSender(String from) {
        return new MessageIds(domainOf(from));
    }

    static String domainOf(String from) {
        Objects.requireNonNull(from, "from");
        Matcher matcher = ADDRESS_DOMAIN.matcher(from.strip());
        if (!matcher.find()) {
            throw new IllegalArgumentException("no address with a domain in '" + from + "'");
        }
        return matcher.group(1);
    }

    public String domain() {
        return domain;
    }

    /** The Message-ID header value, angle brackets included. */
    public String of(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return "<" + hash(idempotencyKey) + "@" + domain + ">";
    }

    private static String hash(String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
