package dev.tarsspeedy.market;

import dev.tarsspeedy.infra.Infrastructure;
import dev.tarsspeedy.infra.junit.RealInfrastructure;
import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.platform.test.datamodel.DataModel;
import org.junit.jupiter.api.Test;

/** The market-data-service section of docs/data-model.md is what the migrations build (a plain Flyway run, no context). */
@RealInfrastructure(Infrastructure.Server.POSTGRES)
class DataModelIT {

    @Test
    void theDiagramMatchesTheMigrations(PostgresServer postgres) {
        DataModel.assertMatchesMigrations(postgres, "market-data-service");
    }
}
