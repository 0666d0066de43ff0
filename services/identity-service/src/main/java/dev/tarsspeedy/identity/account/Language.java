package dev.tarsspeedy.identity.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages the platform writes to users in (emails, problem details). */
public enum Language {
    KO("ko"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag: {@code ko}, {@code en}. */
    public String tag() {
        return tag;
    }

    public static Optional<Language> fromTag(String tag) {
        return tag == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(language -> language.tag.equals(tag.strip().toLowerCase(Locale.ROOT)))
                        .findFirst();
    }
}
