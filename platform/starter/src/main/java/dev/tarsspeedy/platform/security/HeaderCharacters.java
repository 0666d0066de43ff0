package dev.tarsspeedy.platform.security;

/**
 * The header checks of Spring Security's firewall ({@code StrictServerWebExchangeFirewall}) as loops over the
 * characters: the same sets as its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names,
 * the same with a tab allowed for values), which it ran on every header read, each time a filter read one. On the
 * gateway, whose route copies every header of every request, that was about 7 % of the CPU samples. A printable ASCII
 * character, nearly every character of a real header, is accepted without a table lookup.
 * {@code HeaderCharactersTest} checks both against the firewall's own predicates, code point by code point.
 */
final class HeaderCharacters {

    private HeaderCharacters() {}

    /** A header (or parameter) name: every code point assigned and not a control character. */
    static boolean validName(String name) {
        return valid(name, false);
    }

    /** A header value: every code point assigned and not a control character other than a tab. */
    static boolean validValue(String value) {
        return valid(value, true);
    }

    /** Null (a header the request does not have, asked for by name) passes, as in the firewall's predicates. */
    private static boolean valid(String text, boolean tabAllowed) {
        if (text == null) {
            return true;
        }
        int length = text.length();
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            boolean allowed =
                    type != Character.UNASSIGNED && (type != Character.CONTROL || (tabAllowed && codePoint == '\t'));
            if (!allowed) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
