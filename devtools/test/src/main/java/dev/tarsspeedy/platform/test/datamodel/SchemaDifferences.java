package dev.tarsspeedy.platform.test.datamodel;

import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Attribute;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Entity;
import dev.tarsspeedy.platform.test.datamodel.ErDiagram.Relationship;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a documented data model and a database disagree on, one line per difference: tables and columns on one side
 * only, column types that are not the same PostgreSQL type, key marks (PK, FK, UK) that differ, and relationships that
 * are not exactly the database's foreign keys (with the cardinality the key's nullability and uniqueness imply).
 */
public final class SchemaDifferences {

    /** Names PostgreSQL accepts for the same type, mapped to the one {@link DataModel} writes. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int8", "bigint"),
            Map.entry("int2", "smallint"),
            Map.entry("serial4", "serial"),
            Map.entry("serial8", "bigserial"),
            Map.entry("bool", "boolean"),
            Map.entry("float4", "real"),
            Map.entry("character_varying", "varchar"),
            Map.entry("character", "char"),
            Map.entry("bpchar", "char"),
            Map.entry("timestamp_with_time_zone", "timestamptz"),
            Map.entry("timestamp_without_time_zone", "timestamp"));

    private static final Pattern TYPE = Pattern.compile("([a-z0-9_]+)(\\(\\d+\\))?((?:\\[])*)");

    private SchemaDifferences() {}

    /** The differences, in a stable order; empty when the diagram describes the database exactly. */
    public static List<String> between(ErDiagram diagram, ErDiagram database) {
        List<String> differences = new ArrayList<>();
        for (String table : new TreeSet<>(union(diagram.entities(), database.entities()))) {
            Entity documented = diagram.entity(table);
            Entity actual = database.entity(table);
            if (documented == null) {
                differences.add("table " + table + ": in the database, missing from the diagram");
            } else if (actual == null) {
                differences.add("table " + table + ": in the diagram, not in the database");
            } else {
                columns(table, documented, actual, differences);
            }
        }
        relationships(diagram, database, differences);
        return differences;
    }

    private static void columns(String table, Entity documented, Entity actual, List<String> differences) {
        for (String column : union(actual.attributes(), documented.attributes())) {
            Attribute written = documented.attributes().get(column);
            Attribute real = actual.attributes().get(column);
            String name = "table " + table + ": column " + column;
            if (written == null) {
                String keys = real.keys().isEmpty() ? "" : " " + real.keys();
                differences.add(name + " (" + real.type() + keys + ") is in the database, missing from the diagram");
            } else if (real == null) {
                differences.add(name + " is in the diagram, not in the database");
            } else {
                if (!normalType(written.type()).equals(normalType(real.type()))) {
                    differences.add(name + " has type " + written.type() + " in the diagram, " + real.type()
                            + " in the database");
                }
                if (!written.keys().equals(real.keys())) {
                    differences.add(name + " has keys " + written.keys() + " in the diagram, " + real.keys()
                            + " in the database");
                }
            }
        }
    }

    private static void relationships(ErDiagram diagram, ErDiagram database, List<String> differences) {
        Map<Relationship, List<Relationship>> expected = byCanonical(database.relationships());
        Map<Relationship, List<Relationship>> written = byCanonical(diagram.relationships());
        for (Map.Entry<Relationship, List<Relationship>> entry : expected.entrySet()) {
            List<Relationship> documented = written.getOrDefault(entry.getKey(), List.of());
            List<Relationship> keys = entry.getValue();
            for (int i = documented.size(); i < keys.size(); i++) {
                Relationship key = keys.get(i);
                differences.add("relationship " + key.toMermaid() + " (" + key.label() + "): in the database, "
                        + "missing from the diagram" + nearest(diagram, key));
            }
        }
        for (Map.Entry<Relationship, List<Relationship>> entry : written.entrySet()) {
            List<Relationship> keys = expected.getOrDefault(entry.getKey(), List.of());
            List<Relationship> documented = entry.getValue();
            for (int i = keys.size(); i < documented.size(); i++) {
                differences.add("relationship " + documented.get(i).toMermaid()
                        + ": in the diagram, no such foreign key" + " in the database");
            }
        }
    }

    /** When the diagram joins the same two tables differently, says how: the usual mistake is the notation. */
    private static String nearest(ErDiagram diagram, Relationship key) {
        List<String> same = diagram.relationships().stream()
                .filter(written ->
                        (written.left().equals(key.left()) && written.right().equals(key.right()))
                                || (written.left().equals(key.right())
                                        && written.right().equals(key.left())))
                .map(Relationship::toMermaid)
                .toList();
        return same.isEmpty() ? "" : " (the diagram has " + String.join(", ", same) + ")";
    }

    private static Map<Relationship, List<Relationship>> byCanonical(List<Relationship> relationships) {
        Map<Relationship, List<Relationship>> grouped = new LinkedHashMap<>();
        for (Relationship relationship : relationships) {
            grouped.computeIfAbsent(relationship.canonical(), canonical -> new ArrayList<>())
                    .add(relationship);
        }
        return grouped;
    }

    /** A type in one spelling per PostgreSQL type: {@code INT4} and {@code integer} alike, lengths kept. */
    static String normalType(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        Matcher matcher = TYPE.matcher(lower);
        if (!matcher.matches()) {
            return lower;
        }
        String base = ALIASES.getOrDefault(matcher.group(1), matcher.group(1));
        return base + (matcher.group(2) == null ? "" : matcher.group(2)) + matcher.group(3);
    }

    private static <V> List<String> union(Map<String, V> first, Map<String, V> second) {
        List<String> names = new ArrayList<>(first.keySet());
        second.keySet().stream().filter(name -> !first.containsKey(name)).forEach(names::add);
        return names;
    }
}
