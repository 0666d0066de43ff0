package dev.tarsspeedy.notification.delivery;

import java.util.Objects;

/**
 * A rendered email: subject, plain text and HTML, all in the request's language.
 *
 * @param subject one line, no line breaks
 */
public record RenderedEmail(String subject, String text, String html) {

    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a subject is one line");
        }
    }
}
