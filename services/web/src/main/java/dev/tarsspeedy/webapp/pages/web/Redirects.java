package dev.tarsspeedy.webapp.pages.web;

/** Where a page may send the browser back to: only a path of this site, never another origin. */
public final class Redirects {

    private Redirects() {}

    public static String local(String path) {
        if (path == null
                || !path.startsWith("/")
                || path.startsWith("//")
                || path.startsWith("/\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return path;
    }
}
