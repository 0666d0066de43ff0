package dev.tarsspeedy.platform.test.datamodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Attribute;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Entity;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Key;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Relationship;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaDifferencesTest {

    /** What DataModel reads from a database with a sale and its orders. */
    static final ErDiagram DATABASE = new ErDiagram(
            Map.of(
                    "sale",
                    entity(
                            "sale",
                            new Attribute("uuid", "id", Set.of(Key.PK), ""),
                            new Attribute("varchar(200)", "name", Set.of(), ""),
                            new Attribute("integer", "quantity", Set.of(), "")),
                    "customer_order",
                    entity(
                            "customer_order",
                            new Attribute("bigserial", "id", Set.of(Key.PK), ""),
                            new Attribute("uuid", "drop_id", Set.of(Key.FK), ""),
                            new Attribute("text[]", "tags", Set.of(), ""))),
            List.of(new Relationship(
                    "sale", "||", "customer_order", "o{", false, "customer_order(drop_id) references sale")));

    @Test
    void aDiagramThatSaysTheSameInOtherWordsHasNoDifferences() {
        ErDiagram diagram = ErDiagram.parse("""
                erDiagram
                    customer_order }o..|| sale : "bought through"
                    sale {
                        UUID id PK "comments are free"
                        VARCHAR(200) name
                        int4 quantity
                    }
                    customer_order {
                        serial8 id PK
                        uuid drop_id FK
                        text[] tags
                    }
                """);

        assertThat(SchemaDifferences.between(diagram, DATABASE)).isEmpty();
    }

    @Test
    void listsEveryDifferencePrecisely() {
        ErDiagram diagram = ErDiagram.parse("""
                erDiagram
                    sale ||--o{ customer_order : "identifying, which it is not"
                    sale ||..o{ refund : "no such key"
                    sale {
                        uuid id PK
                        varchar(100) name
                        integer quantity UK
                        integer sold
                    }
                    customer_order {
                        bigserial id PK
                        uuid drop_id
                    }
                    refund {
                        uuid id PK
                    }
                """);

        assertThat(SchemaDifferences.between(diagram, DATABASE))
                .containsExactly(
                        "table customer_order: column drop_id has keys [] in the diagram, [FK] in the database",
                        "table customer_order: column tags (text[]) is in the database, missing from the diagram",
                        "table refund: in the diagram, not in the database",
                        "table sale: column name has type varchar(100) in the diagram, varchar(200) in the database",
                        "table sale: column quantity has keys [UK] in the diagram, [] in the database",
                        "table sale: column sold is in the diagram, not in the database",
                        "relationship sale ||..o{ customer_order (customer_order(drop_id) references sale): in the"
                                + " database, missing from the diagram (the diagram has sale ||--o{ customer_order)",
                        "relationship sale ||--o{ customer_order: in the diagram, no such foreign key in the database",
                        "relationship sale ||..o{ refund: in the diagram, no such foreign key in the database");
    }

    @Test
    void aTableMissingFromTheDiagramIsADifference() {
        ErDiagram diagram = ErDiagram.parse("""
                erDiagram
                    sale {
                        uuid id PK
                        varchar(200) name
                        integer quantity
                    }
                """);

        assertThat(SchemaDifferences.between(diagram, DATABASE))
                .containsExactly(
                        "table customer_order: in the database, missing from the diagram",
                        "relationship sale ||..o{ customer_order (customer_order(drop_id) references sale): in the"
                                + " database, missing from the diagram");
    }

    @Test
    void typesCompareInOneSpellingPerPostgresType() {
        assertThat(SchemaDifferences.normalType("INT8")).isEqualTo("bigint");
        assertThat(SchemaDifferences.normalType("character_varying(20)")).isEqualTo("varchar(20)");
        assertThat(SchemaDifferences.normalType("int4[]")).isEqualTo("integer[]");
        assertThat(SchemaDifferences.normalType("timestamptz")).isEqualTo("timestamptz");
        assertThat(SchemaDifferences.normalType("varchar")).isNotEqualTo(SchemaDifferences.normalType("varchar(20)"));
    }

    @Test
    void readsPostgresTypesAsTheDiagramWritesThem() {
        assertThat(DataModel.type("int8", null, "nextval('order_status_history_id_seq'::regclass)"))
                .isEqualTo("bigserial");
        assertThat(DataModel.type("int8", null, null)).isEqualTo("bigint");
        assertThat(DataModel.type("varchar", 249, null)).isEqualTo("varchar(249)");
        assertThat(DataModel.type("_text", null, null)).isEqualTo("text[]");
        assertThat(DataModel.type("timestamptz", null, "now()")).isEqualTo("timestamptz");
    }

    private static Entity entity(String name, Attribute... attributes) {
        Map<String, Attribute> byName = new LinkedHashMap<>();
        for (Attribute attribute : attributes) {
            byName.put(attribute.name(), attribute);
        }
        return new Entity(name, byName);
    }
}
