package dev.tarsspeedy.notification.template;

import java.util.List;
import java.util.Set;

/**
 * One field a template needs in its model.
 *
 * @param optional whether the value may be absent: JSON {@code null} (or no member) for a number or a time, which the
 *     template shows as "-"; {@code null} or empty text for text, which the template receives as {@code ""}
 * @param allowed for {@link FieldType#TEXT}, the only values accepted (empty: any)
 * @param maxItems for {@link FieldType#NUMBERS}, the most numbers accepted
 * @param rowFields for {@link FieldType#ROWS}, the fields of each row
 */
record ModelField(
        String name, FieldType type, boolean optional, Set<String> allowed, int maxItems, List<ModelField> rowFields) {

    ModelField {
        allowed = Set.copyOf(allowed);
        rowFields = List.copyOf(rowFields);
    }

    private static ModelField of(String name, FieldType type) {
        return new ModelField(name, type, false, Set.of(), 0, List.of());
    }

    static ModelField text(String name) {
        return of(name, FieldType.TEXT);
    }

    /** Text that may be empty or {@code null} (the template receives {@code ""}). */
    static ModelField optionalText(String name) {
        return text(name).orAbsent();
    }

    /** Text that must be one of the given values (an enum's names). */
    static ModelField oneOf(String name, String... values) {
        return new ModelField(name, FieldType.TEXT, false, Set.of(values), 0, List.of());
    }

    static ModelField number(String name) {
        return of(name, FieldType.NUMBER);
    }

    /** A number that may be JSON {@code null} (unknown): the template shows "-". */
    static ModelField nullableNumber(String name) {
        return number(name).orAbsent();
    }

    /** A list of at most {@code maxItems} numbers, each a JSON number (no {@code null}s). */
    static ModelField numbers(String name, int maxItems) {
        return new ModelField(name, FieldType.NUMBERS, false, Set.of(), maxItems, List.of());
    }

    static ModelField timestamp(String name) {
        return of(name, FieldType.TIMESTAMP);
    }

    static ModelField url(String name) {
        return of(name, FieldType.URL);
    }

    static ModelField rows(String name, ModelField... rowFields) {
        return new ModelField(name, FieldType.ROWS, false, Set.of(), 0, List.of(rowFields));
    }

    /** This field, allowed to be absent. */
    ModelField orAbsent() {
        return new ModelField(name, type, true, allowed, maxItems, rowFields);
    }
}
