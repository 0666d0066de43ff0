package dev.tarsspeedy.notification.template;

/** The kinds of value a template's model holds. */
enum FieldType {
    /** A string, not blank (unless the field may be empty); a JSON number is accepted and used as its plain digits. */
    TEXT,
    /** A JSON number; templates receive it as a {@code BigDecimal}. */
    NUMBER,
    /** A JSON array of numbers (a chart's prices, oldest first); templates receive a list of {@code BigDecimal}. */
    NUMBERS,
    /** ISO-8601 text with an offset ({@code 2026-12-07T08:30:00+09:00}); templates receive an {@code OffsetDateTime}. */
    TIMESTAMP,
    /** An absolute {@code http} or {@code https} URL, as text: a link in the mail. */
    URL,
    /** A JSON array of objects, each with the row fields of the template. */
    ROWS
}
