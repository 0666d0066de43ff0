package dev.tarsspeedy.notification.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A template and the model it needs. {@link #validate} checks a request's model against it and returns what the
 * template sees: exactly the declared fields, text as strings, numbers as {@code BigDecimal} (an optional one as
 * {@code null}), lists of numbers as lists of {@code BigDecimal}, times as {@code OffsetDateTime}, rows as lists of
 * maps. Undeclared fields are ignored, so a producer may send more than a template uses.
 *
 * @param bulk whether this is bulk mail (a report, a reminder) whatever category a request gives it: it then always
 *     needs an unsubscribe URL and carries the RFC 8058 headers. Other templates follow the request's category
 */
record TemplateSpec(String id, boolean bulk, List<ModelField> fields) {

    /** Variables the renderer sets itself; a model field of that name would be hidden. */
    static final Set<String> RESERVED = Set.of("unsubscribeUrl", "lang");

    static final int MAX_TEXT_LENGTH = 1000;
    static final int MAX_ROWS = 500;

    TemplateSpec {
        fields = List.copyOf(fields);
        for (ModelField field : fields) {
            if (RESERVED.contains(field.name())) {
                throw new IllegalArgumentException("template " + id + ": field name " + field.name() + " is reserved");
            }
        }
    }

    /** A template whose mail is bulk or transactional as each request says. */
    TemplateSpec(String id, ModelField... fields) {
        this(id, false, List.of(fields));
    }

    /** A template whose mail is bulk, whatever a request says. */
    static TemplateSpec bulk(String id, ModelField... fields) {
        return new TemplateSpec(id, true, List.of(fields));
    }

    /**
     * @throws InvalidModelException naming the first field that is missing or of the wrong kind
     */
    Map<String, Object> validate(Map<String, Object> model) {
        if (model == null) {
            throw new InvalidModelException(id, "", "the model is missing");
        }
        return validate(fields, model, "");
    }

    private Map<String, Object> validate(List<ModelField> expected, Map<?, ?> model, String path) {
        // A LinkedHashMap, not Map.of: an optional number or time is present as null, which templates show as "-".
        Map<String, Object> valid = new LinkedHashMap<>();
        for (ModelField field : expected) {
            String where = path + field.name();
            Object value = model.get(field.name());
            if (value == null) {
                if (!field.optional()) {
                    throw invalid(where, "field '" + where + "' is missing");
                }
                valid.put(field.name(), field.type() == FieldType.TEXT ? "" : null);
                continue;
            }
            valid.put(
                    field.name(),
                    switch (field.type()) {
                        case TEXT -> text(field, value, where);
                        case NUMBER -> number(value, where);
                        case NUMBERS -> numbers(field, value, where);
                        case TIMESTAMP -> timestamp(value, where);
                        case URL -> url(value, where);
                        case ROWS -> rows(field, value, where);
                    });
        }
        return valid;
    }

    private String text(ModelField field, Object value, String where) {
        String text;
        if (value instanceof String string) {
            text = string;
        } else if (value instanceof Number number) {
            text = decimal(number, where).toPlainString();
        } else {
            throw invalid(where, "field '" + where + "' must be text, not " + kind(value));
        }
        if (text.isBlank() && !field.optional()) {
            throw invalid(where, "field '" + where + "' is blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw invalid(where, "field '" + where + "' is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (!field.allowed().isEmpty() && !field.allowed().contains(text)) {
            throw invalid(
                    where,
                    "field '" + where + "' must be one of " + String.join(", ", new TreeSet<>(field.allowed()))
                            + ", not '" + text + "'");
        }
        return text;
    }

    private BigDecimal number(Object value, String where) {
        if (value instanceof Number number) {
            return decimal(number, where);
        }
        throw invalid(where, "field '" + where + "' must be a number, not " + kind(value));
    }

    private List<BigDecimal> numbers(ModelField field, Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw invalid(where, "field '" + where + "' must be a list of numbers, not " + kind(value));
        }
        if (list.size() > field.maxItems()) {
            throw invalid(where, "field '" + where + "' has more than " + field.maxItems() + " numbers");
        }
        List<BigDecimal> numbers = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String item = where + "[" + i + "]";
            Object element = list.get(i);
            if (!(element instanceof Number number)) {
                throw invalid(
                        item, "'" + item + "' must be a number, not " + (element == null ? "null" : kind(element)));
            }
            numbers.add(decimal(number, item));
        }
        return List.copyOf(numbers);
    }

    private OffsetDateTime timestamp(Object value, String where) {
        if (!(value instanceof String text)) {
            throw invalid(where, "field '" + where + "' must be an ISO-8601 time with offset, not " + kind(value));
        }
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(
                    where,
                    "field '" + where + "' must be an ISO-8601 time with offset (2026-12-07T08:30:00+09:00), not '"
                            + abbreviate(text) + "'");
        }
    }

    private String url(Object value, String where) {
        if (!(value instanceof String text)) {
            throw invalid(where, "field '" + where + "' must be a URL, not " + kind(value));
        }
        String url = text.strip();
        boolean valid = url.length() <= MAX_TEXT_LENGTH;
        if (valid) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                valid = (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
            } catch (URISyntaxException e) {
                valid = false;
            }
        }
        if (!valid) {
            // A link in the mail: never javascript:, a relative path or anything a client would not open.
            throw invalid(
                    where, "field '" + where + "' must be an absolute http(s) URL, not '" + abbreviate(url) + "'");
        }
        return url;
    }

    private List<Map<String, Object>> rows(ModelField field, Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw invalid(where, "field '" + where + "' must be a list of rows, not " + kind(value));
        }
        if (list.size() > MAX_ROWS) {
            throw invalid(where, "field '" + where + "' has more than " + MAX_ROWS + " rows");
        }
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String rowPath = where + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> row)) {
                throw invalid(rowPath, "'" + rowPath + "' must be an object, not " + kind(list.get(i)));
            }
            rows.add(Collections.unmodifiableMap(validate(field.rowFields(), row, rowPath + ".")));
        }
        return Collections.unmodifiableList(rows);
    }

    private InvalidModelException invalid(String where, String problem) {
        return new InvalidModelException(id, where, problem);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    private BigDecimal decimal(Number number, String where) {
        return switch (number) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> {
                double d = number.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw invalid(where, "field '" + where + "' is not a finite number");
                }
                yield BigDecimal.valueOf(d);
            }
        };
    }

    private static String kind(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "text";
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            case List<?> l -> "a list";
            case Map<?, ?> m -> "an object";
            default -> value.getClass().getSimpleName();
        };
    }
}
