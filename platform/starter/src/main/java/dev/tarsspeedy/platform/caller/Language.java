package dev.tarsspeedy.platform.caller;

import java.util.List;
import java.util.Locale;

/** The two languages the platform speaks; English unless Korean is asked for. */
public enum Language {
    KO("ko"),
    EN("en");

    private static final List<Locale> SUPPORTED = List.of(Locale.KOREAN, Locale.ENGLISH);

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** {@code ko} or {@code en}: what templates, bundles and events carry. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return this == KO ? Locale.KOREAN : Locale.ENGLISH;
    }

    /** {@code ko}/{@code en} (any case, region ignored: {@code ko-KR}); anything else is {@code null}. */
    public static Language ofTag(String tag) {
        if (tag == null || tag.length() < 2) {
            return null;
        }
        if (tag.length() > 2 && tag.charAt(2) != '-' && tag.charAt(2) != '_') {
            return null;
        }
        String language = tag.substring(0, 2);
        if (language.equalsIgnoreCase("ko")) {
            return KO;
        }
        return language.equalsIgnoreCase("en") ? EN : null;
    }

    /**
     * The reader's choice from an {@code Accept-Language} header: Korean when it ranks Korean above English, else
     * English (also for a missing or malformed header). Cheap on the hot path: a header naming only one of the two is
     * decided by a glance; only one naming both is parsed for its weights.
     */
    public static Language preferredBy(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        String header = acceptLanguage.toLowerCase(Locale.ROOT);
        if (!header.contains("ko")) {
            return EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            Locale best = Locale.lookup(ranges, SUPPORTED);
            return best != null && best.getLanguage().equals("ko") ? KO : EN;
        } catch (IllegalArgumentException e) {
            return EN;
        }
    }
}
