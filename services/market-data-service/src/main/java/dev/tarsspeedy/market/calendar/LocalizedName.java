package dev.tarsspeedy.market.calendar;

import dev.tarsspeedy.platform.caller.Language;
import java.util.Objects;

/** A name in both languages the platform speaks (a holiday, a day with other hours). */
public record LocalizedName(String ko, String en) {

    public LocalizedName {
        if (ko == null || ko.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("a name is given in Korean and English: " + ko + " / " + en);
        }
    }

    public String in(Language language) {
        return Objects.requireNonNullElse(language, Language.EN) == Language.KO ? ko : en;
    }
}
