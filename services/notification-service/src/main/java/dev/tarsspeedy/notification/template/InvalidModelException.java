package dev.tarsspeedy.notification.template;

import dev.tarsspeedy.notification.delivery.RejectedRequestException;

/** The request's model lacks a field its template needs, or holds a value of the wrong kind. */
public class InvalidModelException extends RejectedRequestException {

    InvalidModelException(String template, String problem) {
        super("invalid model for template '" + template + "': " + problem);
    }
}
