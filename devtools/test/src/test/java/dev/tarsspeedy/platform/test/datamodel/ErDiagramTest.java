package dev.tarsspeedy.platform.test.datamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Attribute;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Key;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Relationship;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErDiagramTest {

    static final String SHOP = """
            erDiagram
                %% a comment line
                sale ||..o{ customer_order : "is bought through"
                customer_order }o..|| sale : "again, written from the other end"
                refresh_token |o..o{ refresh_token : parent
                sale {
                    uuid id PK "the drop's id"
                    varchar(200) name
                    text[] tags
                }
                customer_order {
                    uuid id PK
                    uuid drop_id FK "sale.id"
                    varchar(64) token UK
                    bigint payment PK, FK
                }
                refresh_token {
                    uuid id PK
                    uuid parent_id FK
                }
                empty_table
            """;

    @Test
    void readsEntitiesWithTypesKeysAndComments() {
        ErDiagram diagram = ErDiagram.parse(SHOP);

        assertThat(diagram.entities()).containsOnlyKeys("sale", "customer_order", "refresh_token", "empty_table");
        assertThat(diagram.entity("sale").attributes().values())
                .containsExactly(
                        new Attribute("uuid", "id", Set.of(Key.PK), "the drop's id"),
                        new Attribute("varchar(200)", "name", Set.of(), ""),
                        new Attribute("text[]", "tags", Set.of(), ""));
        assertThat(diagram.entity("customer_order").attributes())
                .containsEntry("drop_id", new Attribute("uuid", "drop_id", Set.of(Key.FK), "sale.id"))
                .containsEntry("token", new Attribute("varchar(64)", "token", Set.of(Key.UK), ""))
                .containsEntry("payment", new Attribute("bigint", "payment", Set.of(Key.PK, Key.FK), ""));
        assertThat(diagram.entity("empty_table").attributes()).isEmpty();
    }

    @Test
    void readsRelationshipsWrittenFromEitherEnd() {
        ErDiagram diagram = ErDiagram.parse(SHOP);

        assertThat(diagram.relationships())
                .containsExactly(
                        new Relationship("sale", "||", "customer_order", "o{", false, "is bought through"),
                        new Relationship(
                                "customer_order", "o{", "sale", "||", false, "again, written from the other end"),
                        new Relationship("refresh_token", "o|", "refresh_token", "o{", false, "parent"));
        assertThat(diagram.relationships().get(0).canonical())
                .isEqualTo(diagram.relationships().get(1).canonical());
        assertThat(diagram.relationships().get(1).toMermaid()).isEqualTo("customer_order }o..|| sale");
    }

    @Test
    void findsTheMermaidBlockOfAMarkdownSection() {
        String markdown = """
                # Data model
                ## `platform-events` (in every database)
                ```mermaid
                erDiagram
                    outbox_event {
                        uuid id PK
                    }
                ```
                ## order-service
                Text.
                ```sql
                select 1;
                ```
                ```mermaid
                erDiagram
                    sale {
                        uuid id PK
                    }
                ```
                ### order-service details, still its section
                ## catalog-service
                """;

        assertThat(ErDiagram.fromMarkdown(markdown, "order-service", "doc").entities())
                .containsOnlyKeys("sale");
        assertThat(ErDiagram.fromMarkdown(markdown, "platform-events", "doc").entities())
                .containsOnlyKeys("outbox_event");
        assertThatThrownBy(() -> ErDiagram.fromMarkdown(markdown, "catalog-service", "doc"))
                .hasMessage("doc, section catalog-service: expected one mermaid block, found 0");
        assertThatThrownBy(() -> ErDiagram.fromMarkdown(markdown, "payment-service", "doc"))
                .hasMessage("doc has no section named payment-service");
    }

    @Test
    void rejectsWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> ErDiagram.parse("graph TD")).hasMessageContaining("expected erDiagram first");
        assertThatThrownBy(() -> ErDiagram.parse("erDiagram\n  sale {\n    uuid\n  }"))
                .hasMessage("erDiagram line 3 (uuid): not an attribute (type name [PK|FK|UK] [\"comment\"])");
        assertThatThrownBy(() -> ErDiagram.parse("erDiagram\n  sale {\n    uuid id PK\n"))
                .hasMessage("entity sale is not closed with }");
        assertThatThrownBy(() -> ErDiagram.parse("erDiagram\n  sale ||--o{ order : label\n  sale"))
                .hasMessage("relationship sale ||--o{ order names order, which has no entity block");
        assertThatThrownBy(() -> ErDiagram.parse("erDiagram\n  sale one to many order : label"))
                .hasMessageContaining("neither an entity nor a relationship");
        assertThatThrownBy(() -> ErDiagram.parse("erDiagram\n  sale\n  sale"))
                .hasMessage("erDiagram line 3 (sale): entity sale written twice");
    }
}
