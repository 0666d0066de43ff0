package dev.tarsspeedy.notification.template;

import java.util.List;

/**
 * One field a template needs in its model.
 *
 * @param rowFields for {@link FieldType#ROWS}, the fields of each row
 */
record ModelField(String name, FieldType type, List<ModelField> rowFields) {

    ModelField {
        rowFields = List.copyOf(rowFields);
    }

    static ModelField text(String name) {
        return new ModelField(name, FieldType.TEXT, List.of());
    }

    static ModelField number(String name) {
        return new ModelField(name, FieldType.NUMBER, List.of());
    }

    static ModelField rows(String name, ModelField... rowFields) {
        return new ModelField(name, FieldType.ROWS, List.of(rowFields));
    }
}
