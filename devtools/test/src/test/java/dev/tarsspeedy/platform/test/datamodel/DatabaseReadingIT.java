package dev.tarsspeedy.platform.test.datamodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

/** DataModel reads every key shape from a real database as a diagram would draw it (db/migration in test resources). */
@RealInfrastructure(Infrastructure.Server.POSTGRES)
class DatabaseReadingIT {

    @Test
    void readsTablesColumnsKeysAndRelationshipsAsDrawn(PostgresServer postgres) {
        ErDiagram database = DataModel.migrated(postgres, "data_model_reading");

        ErDiagram drawn = ErDiagram.parse("""
                erDiagram
                    parent ||--o{ child : "has"
                    parent ||--o| profile : "is described by"
                    parent |o..o| link : "is linked"
                    child |o..o{ link : "is linked by a composite key"
                    parent {
                        bigserial id PK
                        char(3) code UK
                        text[] tags
                        numeric amount
                    }
                    child {
                        bigint parent_id PK, FK
                        integer position PK
                        varchar(20) note
                    }
                    profile {
                        bigint parent_id PK, FK
                        text bio
                    }
                    link {
                        uuid id PK
                        bigint parent_id UK, FK
                        bigint child_parent_id FK
                        integer child_position FK
                    }
                """);
        assertThat(database.entities()).containsOnlyKeys("parent", "child", "profile", "link");
        assertThat(SchemaDifferences.between(drawn, database)).isEmpty();
    }

    @Test
    void aDiagramThatLagsBehindTheMigrationsFails(PostgresServer postgres) {
        ErDiagram database = DataModel.migrated(postgres, "data_model_reading");

        ErDiagram stale = ErDiagram.parse("""
                erDiagram
                    parent ||--o{ child : "has"
                    parent {
                        bigint id PK
                        char(3) code UK
                        text[] tags
                        numeric amount
                    }
                    child {
                        bigint parent_id PK, FK
                        integer position PK
                    }
                """);
        assertThat(SchemaDifferences.between(stale, database))
                .containsExactly(
                        "table child: column note (varchar(20)) is in the database, missing from the diagram",
                        "table link: in the database, missing from the diagram",
                        "table parent: column id has type bigint in the diagram, bigserial in the database",
                        "table profile: in the database, missing from the diagram",
                        "relationship child |o..o{ link (link(child_parent_id, child_position) references child): in"
                                + " the database, missing from the diagram",
                        "relationship parent |o..o| link (link(parent_id) references parent): in the database, missing"
                                + " from the diagram",
                        "relationship parent ||--o| profile (profile(parent_id) references parent): in the database,"
                                + " missing from the diagram");
    }
}
