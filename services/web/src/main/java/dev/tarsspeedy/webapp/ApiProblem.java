package dev.tarsspeedy.webapp;

import java.util.List;

/**
 * An RFC 9457 problem an API answered, as a page shows it: the localized {@code detail}, and a message per field
 * when the API named fields.
 */
public record ApiProblem(int status, String type, String title, String detail, List<FieldMessage> errors) {

    public ApiProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A message about one request field. */
    public record FieldMessage(String field, String message) {}

    /** The message about {@code field}, or {@code null}. */
    public String about(String field) {
        return errors.stream()
                .filter(error -> field.equals(error.field()))
                .map(FieldMessage::message)
                .findFirst()
                .orElse(null);
    }

    /** Whether the problem concerns one of the form's fields (then the page shows it there, not at the top). */
    public boolean concernsAnyOf(String... fields) {
        for (String field : fields) {
            if (about(field) != null) {
                return true;
            }
        }
        return false;
    }

    /** The slug of the type ({@code drop-sold-out} of {@code https://.../problems/drop-sold-out}). */
    public String slug() {
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }
}
