package dev.tarsspeedy.notification.delivery;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A rendered email: subject, plain text and HTML, all in the request's language, and the images the HTML shows
 * inline.
 *
 * @param subject one line, no line breaks
 * @param images the parts the HTML names as {@code cid:<contentId>}, each Content-ID once; empty for most mail
 */
public record RenderedEmail(String subject, String text, String html, List<InlineImage> images) {

    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        images = List.copyOf(images);
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a subject is one line");
        }
        Set<String> ids = new HashSet<>();
        for (InlineImage image : images) {
            if (!ids.add(image.contentId())) {
                throw new IllegalArgumentException("two inline images with Content-ID " + image.contentId());
            }
        }
    }

    /** Mail without inline images. */
    public RenderedEmail(String subject, String text, String html) {
        this(subject, text, html, List.of());
    }
}
