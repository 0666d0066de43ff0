package dev.tarsspeedy.notification.template;

import dev.tarsspeedy.notification.delivery.RejectedRequestException;

/** The request's model lacks a field its template needs, or holds a value of the wrong kind. */
public class InvalidModelException extends RejectedRequestException {

    private final String template;
    private final String field;

    /** @param field the path of the first field that does not fit ({@code rows[2].chart}) */
    InvalidModelException(String template, String field, String problem) {
        super("invalid model for template '" + template + "': " + problem);
        this.template = template;
        this.field = field;
    }

    public String template() {
        return template;
    }

    /** The path of the first field that does not fit, such as {@code rows[2].chart}. */
    public String field() {
        return field;
    }
}
