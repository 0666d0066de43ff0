package dev.tarsspeedy.notification.template;

/** The kinds of value a template's model holds. */
enum FieldType {
    /** A string, not blank; a JSON number is accepted and used as its plain digits. */
    TEXT,
    /** A JSON number; templates receive it as a {@code BigDecimal}. */
    NUMBER,
    /** A JSON array of objects, each with the row fields of the template. */
    ROWS
}
