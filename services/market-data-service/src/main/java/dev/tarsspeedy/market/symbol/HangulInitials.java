package dev.tarsspeedy.market.symbol;

import java.util.Locale;

/**
 * Korean initial-consonant (초성) search: the initial consonant of each Hangul syllable ({@code 삼성전자} → {@code
 * ㅅㅅㅈㅈ}), and a matcher that lets a query mix whole syllables and initials ({@code 삼ㅅ} finds 삼성전자).
 *
 * <p>Names and queries are compared in a folded form: blanks removed, Latin letters in lower case, old-style
 * conjoining initials (U+1100..U+1112) turned into the compatibility letters people type (U+3131..).
 */
public final class HangulInitials {

    private static final char FIRST_SYLLABLE = '\uAC00';
    private static final char LAST_SYLLABLE = '\uD7A3';
    /** Syllables per initial consonant: 21 vowels × 28 finals. */
    private static final int PER_INITIAL = 21 * 28;
    /** The 19 initial consonants in Unicode's syllable order, as compatibility letters (double ones included). */
    private static final char[] INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ".toCharArray();

    private HangulInitials() {}

    /**
     * The folded name with every Hangul syllable replaced by its initial consonant; other characters (Latin letters,
     * digits, initials already) stay: {@code LG에너지솔루션} → {@code lgㅇㄴㅈㅅㄹㅅ}.
     */
    public static String of(String name) {
        String folded = fold(name);
        StringBuilder initials = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            initials.append(initial(folded.charAt(i)));
        }
        return initials.toString();
    }

    /** Blanks removed, lower case, conjoining initials as compatibility letters. */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return;
            }
            if (c >= 0x1100 && c <= 0x1112) {
                folded.append(INITIALS[c - 0x1100]);
            } else {
                folded.appendCodePoint(c);
            }
        });
        return folded.toString();
    }

    /** Whether {@code c} is one of the 19 initial consonants as people type them. */
    public static boolean isInitial(char c) {
        for (char initial : INITIALS) {
            if (initial == c) {
                return true;
            }
        }
        return false;
    }

    /** The initial consonant of a Hangul syllable; any other character as it is. */
    public static char initial(char c) {
        if (c < FIRST_SYLLABLE || c > LAST_SYLLABLE) {
            return c;
        }
        return INITIALS[(c - FIRST_SYLLABLE) / PER_INITIAL];
    }

    /**
     * Where the folded {@code query} first matches in the folded {@code name}, or -1: a query character matches the
     * same character, and a typed initial consonant also matches any syllable starting with it ({@code ㅅ} matches
     * {@code 삼}; {@code ㄱ} does not match {@code 까}, whose initial is {@code ㄲ}).
     */
    public static int indexOf(String name, String query) {
        if (query.isEmpty()) {
            return 0;
        }
        for (int start = 0; start + query.length() <= name.length(); start++) {
            if (matchesAt(name, query, start)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean matchesAt(String name, String query, int start) {
        for (int i = 0; i < query.length(); i++) {
            char wanted = query.charAt(i);
            char actual = name.charAt(start + i);
            if (wanted != actual && !(isInitial(wanted) && initial(actual) == wanted)) {
                return false;
            }
        }
        return true;
    }
}
