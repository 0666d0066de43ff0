package dev.tarsspeedy.platform.security;

import java.util.Locale;
import org.springframework.http.HttpMethod;

/**
 * One entry of {@code platform.security.public-paths} or {@code admin-paths}: a path pattern ({@code /api/auth/**}),
 * optionally preceded by an HTTP method and a space ({@code GET /api/drops/**}) to match that method only.
 *
 * @param method the only method matched, or {@code null} for every method
 */
record PathRule(HttpMethod method, String pattern) {

    static PathRule parse(String entry) {
        String trimmed = entry.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return new PathRule(null, trimmed);
        }
        String method = trimmed.substring(0, space).toUpperCase(Locale.ROOT);
        String pattern = trimmed.substring(space + 1).trim();
        if (!method.chars().allMatch(Character::isLetter) || !pattern.startsWith("/")) {
            throw new IllegalArgumentException(
                    "'" + entry + "' is not a path pattern or 'METHOD /pattern' (such as 'GET /api/drops/**')");
        }
        return new PathRule(HttpMethod.valueOf(method), pattern);
    }
}
