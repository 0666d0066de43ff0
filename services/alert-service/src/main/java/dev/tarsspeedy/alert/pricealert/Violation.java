package dev.tarsspeedy.alert.pricealert;

import java.util.List;

/**
 * One broken rule of an alert request: the request field, the rule's key in the service's problems bundle with the
 * values it names, and what is wrong in English (logs). Users read the web layer's rendering in their language.
 */
public record Violation(String field, String code, String message, List<Object> arguments) {

    public Violation {
        arguments = List.copyOf(arguments);
    }

    public static Violation of(String field, String code, String message, Object... arguments) {
        return new Violation(field, code, message, List.of(arguments));
    }
}
