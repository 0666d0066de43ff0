package dev.tarsspeedy.catalog.drop;

import java.util.List;

/**
 * One broken rule of a drop's terms (or of a listing's parameters): the request field, the rule's key in the
 * service's problems bundle with the values it names, and what is wrong in English, for operators (logs). Users
 * read the web layer's rendering of the key in their language.
 */
public record Violation(String field, String code, String message, List<Object> arguments) {

    public Violation {
        arguments = List.copyOf(arguments);
    }

    /**
     * @param code the bundle key ({@code drop.price-negative}); its text says what {@code message} says
     */
    public static Violation of(String field, String code, String message, Object... arguments) {
        return new Violation(field, code, message, List.of(arguments));
    }
}
