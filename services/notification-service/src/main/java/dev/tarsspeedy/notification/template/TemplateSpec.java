package dev.tarsspeedy.notification.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A template and the model it needs. {@link #validate} checks a request's model against it and returns what the
 * template sees: exactly the declared fields, text as strings, numbers as {@code BigDecimal}, rows as lists of maps.
 * Undeclared fields are ignored, so a producer may send more than a template uses.
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
        return validate(fields, model, "");
    }

    private Map<String, Object> validate(List<ModelField> expected, Map<?, ?> model, String path) {
        Map<String, Object> valid = new LinkedHashMap<>();
        for (ModelField field : expected) {
            String where = path + field.name();
            Object value = model.get(field.name());
            if (value == null) {
                throw new InvalidModelException(id, "field '" + where + "' is missing");
            }
            valid.put(
                    field.name(),
                    switch (field.type()) {
                        case TEXT -> text(value, where);
                        case NUMBER -> number(value, where);
                        case ROWS -> rows(field, value, where);
                    });
        }
        return valid;
    }

    private String text(Object value, String where) {
        String text;
        if (value instanceof String string) {
            text = string;
        } else if (value instanceof Number number) {
            text = decimal(number, where).toPlainString();
        } else {
            throw new InvalidModelException(id, "field '" + where + "' must be text, not " + kind(value));
        }
        if (text.isBlank()) {
            throw new InvalidModelException(id, "field '" + where + "' is blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidModelException(
                    id, "field '" + where + "' is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        return text;
    }

    private BigDecimal number(Object value, String where) {
        if (value instanceof Number number) {
            return decimal(number, where);
        }
        throw new InvalidModelException(id, "field '" + where + "' must be a number, not " + kind(value));
    }

    private List<Map<String, Object>> rows(ModelField field, Object value, String where) {
        if (!(value instanceof List<?> list)) {
            throw new InvalidModelException(id, "field '" + where + "' must be a list of rows, not " + kind(value));
        }
        if (list.size() > MAX_ROWS) {
            throw new InvalidModelException(id, "field '" + where + "' has more than " + MAX_ROWS + " rows");
        }
        List<Map<String, Object>> rows = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String rowPath = where + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> row)) {
                throw new InvalidModelException(id, "'" + rowPath + "' must be an object, not " + kind(list.get(i)));
            }
            rows.add(validate(field.rowFields(), row, rowPath + "."));
        }
        return List.copyOf(rows);
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
                    throw new InvalidModelException(id, "field '" + where + "' is not a finite number");
                }
                yield BigDecimal.valueOf(d);
            }
        };
    }

    private static String kind(Object value) {
        return switch (value) {
            case String s -> "text";
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            case List<?> l -> "a list";
            case Map<?, ?> m -> "an object";
            default -> value.getClass().getSimpleName();
        };
    }
}
