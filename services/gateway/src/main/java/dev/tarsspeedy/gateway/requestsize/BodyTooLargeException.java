package dev.tarsspeedy.gateway.requestsize;

import org.springframework.web.server.ContentTooLargeException;

/** A request body grew past the limit while it was read; a {@link ContentTooLargeException}, so a 413 anywhere. */
final class BodyTooLargeException extends ContentTooLargeException {

    BodyTooLargeException(long limit) {
        super(new IllegalStateException("request body exceeds " + limit + " bytes"));
    }
}
