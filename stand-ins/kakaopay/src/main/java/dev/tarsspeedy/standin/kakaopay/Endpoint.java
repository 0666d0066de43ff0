package dev.tarsspeedy.standin.kakaopay;

import java.util.Locale;

/** The four endpoints of the online payment API, by the last segment of their path. */
public enum Endpoint {
    READY,
    APPROVE,
    ORDER,
    CANCEL;

    /** {@code approve} is {@link #APPROVE}. */
    public static Endpoint of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    public String path() {
        return "/online/v1/payment/" + name().toLowerCase(Locale.ROOT);
    }
}
