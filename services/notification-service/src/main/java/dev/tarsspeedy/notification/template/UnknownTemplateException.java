package dev.tarsspeedy.notification.template;

import dev.tarsspeedy.notification.delivery.RejectedRequestException;
import java.util.Collection;
import java.util.TreeSet;

/** The request names a template this service does not have. */
public class UnknownTemplateException extends RejectedRequestException {

    private final String template;

    UnknownTemplateException(String template, Collection<String> known) {
        super("unknown template '" + template + "'; known templates: " + String.join(", ", new TreeSet<>(known)));
        this.template = template;
    }

    public String template() {
        return template;
    }
}
