package dev.tarsspeedy.platform.test.datamodel;

import dev.tarsspeedy.infra.postgres.PostgresServer;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Attribute;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Entity;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Key;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Relationship;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Checks a service's section of {@code docs/data-model.md} against its migrations: runs them with Flyway on a fresh
 * database, reads the result from {@code information_schema} and fails with every difference.
 *
 * <p>The migrations are located as the service's Flyway auto-configuration does: {@code classpath:db/migration}, plus
 * platform-events' own migrations when its {@code PlatformMigrations} customizer is on the class path. The platform's
 * tables are documented once, in the section {@value #PLATFORM_SECTION}, and expected in every database that has them.
 * Flyway's own {@code flyway_schema_history} is not part of the model.
 */
public final class DataModel {

    /** The document, relative to the repository's root. */
    public static final Path DOCUMENT = Path.of("docs", "data-model.md");

    /** The section of the document that describes platform-events' tables. */
    public static final String PLATFORM_SECTION = "platform-events";

    private static final String PLATFORM_MIGRATIONS = "dev.tarsspeedy.platform.events.autoconfigure.PlatformMigrations";
    private static final String SERVICE_MIGRATIONS = "classpath:db/migration";
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private DataModel() {}

    /**
     * Fails unless the section {@code section} of the document (with the platform's section, where the platform's
     * migrations run) describes exactly the schema that the class path's migrations build.
     */
    public static void assertMatchesMigrations(PostgresServer postgres, String section) {
        boolean platform = platformMigrationsPresent();
        Path document = document();
        ErDiagram diagram = ErDiagram.fromMarkdown(document, section);
        if (platform) {
            diagram = diagram.plus(ErDiagram.fromMarkdown(document, PLATFORM_SECTION));
        }
        ErDiagram database = migrated(postgres, "data_model_" + section.replaceAll("[^a-z0-9]+", "_"));
        List<String> differences = SchemaDifferences.between(diagram, database);
        if (!differences.isEmpty()) {
            throw new AssertionError("section " + section + (platform ? " (with " + PLATFORM_SECTION + ")" : "")
                    + " of " + DOCUMENT + " disagrees with the migrations in " + differences.size() + " place(s):\n  "
                    + String.join("\n  ", differences));
        }
    }

    /** Runs the migrations on a new, empty database of that name and reads its schema. */
    static ErDiagram migrated(PostgresServer postgres, String databaseName) {
        recreate(postgres, databaseName);
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(postgres.jdbcUrl(databaseName), postgres.username(), postgres.password())
                .locations(SERVICE_MIGRATIONS)
                .failOnMissingLocations(true);
        if (platformMigrationsPresent()) {
            addPlatformMigrations(configuration);
        }
        configuration.load().migrate();
        try (Connection connection = postgres.connect(databaseName)) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the schema of " + databaseName, e);
        }
    }

    /** The schema {@code public} of a database, in the form a diagram is parsed into. */
    public static ErDiagram read(Connection connection) throws SQLException {
        Map<String, Map<String, Attribute>> columns = new LinkedHashMap<>();
        Map<String, Constraint> constraints = new LinkedHashMap<>();
        Map<String, Set<Key>> keys = new LinkedHashMap<>();
        Map<String, Boolean> nullable = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet tables = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")) {
                while (tables.next()) {
                    if (!tables.getString(1).equals(HISTORY_TABLE)) {
                        columns.put(tables.getString(1), new LinkedHashMap<>());
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("select tc.constraint_name, tc.constraint_type,"
                    + " tc.table_name, kcu.column_name from information_schema.table_constraints tc"
                    + " join information_schema.key_column_usage kcu on kcu.constraint_schema = tc.constraint_schema"
                    + " and kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name"
                    + " where tc.table_schema = 'public'"
                    + " and tc.constraint_type in ('PRIMARY KEY', 'FOREIGN KEY', 'UNIQUE')"
                    + " order by tc.constraint_name, kcu.ordinal_position")) {
                while (rows.next()) {
                    Key key = switch (rows.getString(2)) {
                        case "PRIMARY KEY" -> Key.PK;
                        case "FOREIGN KEY" -> Key.FK;
                        default -> Key.UK;
                    };
                    String table = rows.getString(3);
                    String column = rows.getString(4);
                    constraints
                            .computeIfAbsent(rows.getString(1), name -> new Constraint(key, table, new ArrayList<>()))
                            .columns()
                            .add(column);
                    keys.computeIfAbsent(table + "." + column, qualified -> EnumSet.noneOf(Key.class))
                            .add(key);
                }
            }
            try (ResultSet rows = statement.executeQuery("select table_name, column_name, udt_name,"
                    + " character_maximum_length, column_default, is_nullable from information_schema.columns"
                    + " where table_schema = 'public' order by table_name, ordinal_position")) {
                while (rows.next()) {
                    Map<String, Attribute> table = columns.get(rows.getString(1));
                    if (table == null) {
                        continue; // a view's, or Flyway's
                    }
                    String column = rows.getString(2);
                    String qualified = rows.getString(1) + "." + column;
                    String type = type(rows.getString(3), (Integer) rows.getObject(4), rows.getString(5));
                    table.put(column, new Attribute(type, column, keys.getOrDefault(qualified, Set.of()), ""));
                    nullable.put(qualified, "YES".equals(rows.getString(6)));
                }
            }
            Map<String, Entity> entities = new LinkedHashMap<>();
            columns.forEach((table, attributes) -> entities.put(table, new Entity(table, attributes)));
            return new ErDiagram(entities, foreignKeys(statement, constraints, nullable));
        }
    }

    private record Constraint(Key type, String table, List<String> columns) {}

    /**
     * One relationship per foreign key, the referenced table on the left: exactly one ({@code ||}) referenced row, or
     * zero or one ({@code o|}) when a key column may be null; zero or more (<code>o&#123;</code>) referencing rows, or zero or one
     * when the key's columns are the referencing table's primary key or unique. Identifying ({@code --}) when the key's
     * columns are all in the referencing table's primary key, non-identifying ({@code ..}) otherwise.
     */
    private static List<Relationship> foreignKeys(
            Statement statement, Map<String, Constraint> constraints, Map<String, Boolean> nullable)
            throws SQLException {
        Map<String, String> referenced = new LinkedHashMap<>();
        try (ResultSet rows = statement.executeQuery("select rc.constraint_name, ref.table_name"
                + " from information_schema.referential_constraints rc"
                + " join information_schema.table_constraints ref on ref.constraint_schema = rc.unique_constraint_schema"
                + " and ref.constraint_name = rc.unique_constraint_name"
                + " where rc.constraint_schema = 'public' order by rc.constraint_name")) {
            while (rows.next()) {
                referenced.put(rows.getString(1), rows.getString(2));
            }
        }
        List<Relationship> relationships = new ArrayList<>();
        referenced.forEach((name, parent) -> {
            Constraint key = constraints.get(name);
            Set<String> keyColumns = Set.copyOf(key.columns());
            boolean optional = key.columns().stream().anyMatch(column -> nullable.get(key.table() + "." + column));
            boolean identifying = constraints.values().stream()
                    .anyMatch(other -> other.type() == Key.PK
                            && other.table().equals(key.table())
                            && other.columns().containsAll(keyColumns));
            boolean unique = constraints.values().stream()
                    .anyMatch(other -> other.type() != Key.FK
                            && other.table().equals(key.table())
                            && Set.copyOf(other.columns()).equals(keyColumns));
            relationships.add(new Relationship(
                    parent,
                    optional ? "o|" : "||",
                    key.table(),
                    unique ? "o|" : "o{",
                    identifying,
                    key.table() + "(" + String.join(", ", key.columns()) + ") references " + parent));
        });
        return relationships;
    }

    /** The column's type as the diagram writes it: PostgreSQL's short names, lengths kept, serials recognised. */
    static String type(String udtName, Integer length, String columnDefault) {
        if (udtName.startsWith("_")) {
            return type(udtName.substring(1), length, null) + "[]";
        }
        boolean sequence = columnDefault != null && columnDefault.startsWith("nextval(");
        String type = switch (udtName) {
            case "int2" -> "smallint";
            case "int4" -> sequence ? "serial" : "integer";
            case "int8" -> sequence ? "bigserial" : "bigint";
            case "bool" -> "boolean";
            case "float4" -> "real";
            case "bpchar" -> "char";
            default -> udtName.toLowerCase(Locale.ROOT);
        };
        return length == null ? type : type + "(" + length + ")";
    }

    private static void recreate(PostgresServer postgres, String databaseName) {
        try (Connection connection = postgres.connect(postgres.database());
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + databaseName + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + databaseName, e);
        }
        postgres.createDatabase(databaseName);
    }

    private static boolean platformMigrationsPresent() {
        try {
            Class.forName(PLATFORM_MIGRATIONS, false, DataModel.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Applies platform-events' own Flyway customizer, as the service's auto-configuration does. By name: platform-events
     * tests with this module, so this module cannot depend on it.
     */
    private static void addPlatformMigrations(FluentConfiguration configuration) {
        try {
            Object customizer =
                    Class.forName(PLATFORM_MIGRATIONS).getConstructor().newInstance();
            customizer
                    .getClass()
                    .getMethod("customize", FluentConfiguration.class)
                    .invoke(customizer, configuration);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("PlatformMigrations failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot apply " + PLATFORM_MIGRATIONS, e);
        }
    }

    /** The document, found from the working directory (a module's folder under Maven) upwards. */
    private static Path document() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                DOCUMENT + " not found above " + Path.of("").toAbsolutePath());
    }
}
