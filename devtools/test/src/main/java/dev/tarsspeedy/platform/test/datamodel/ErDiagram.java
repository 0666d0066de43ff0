package dev.tarsspeedy.platform.test.datamodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Mermaid {@code erDiagram} as tables, columns and relationships: parsed from a diagram's text, or built from a
 * database's catalogue by {@link DataModel}, so that {@link SchemaDifferences} can compare the two.
 *
 * <p>The parser reads the subset of Mermaid a data model needs and rejects anything else rather than skip it: entity
 * blocks <code>name &#123; type name PK, FK "comment" &#125;</code> and relationships <code>a ||--o&#123; b : "label"</code> in the symbolic
 * cardinality notation ({@code ||}, {@code |o}/{@code o|}, <code>&#125;o</code>/<code>o&#123;</code>, <code>&#125;|</code>/<code>|&#123;</code>), identifying
 * ({@code --}) or not ({@code ..}).
 */
public record ErDiagram(Map<String, Entity> entities, List<Relationship> relationships) {

    public ErDiagram {
        entities = Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        relationships = List.copyOf(relationships);
    }

    /** A column's key marks, as Mermaid writes them. */
    public enum Key {
        PK,
        FK,
        UK
    }

    /** A table. */
    public record Entity(String name, Map<String, Attribute> attributes) {
        public Entity {
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /** A column: its type as written, its name, its key marks and an optional comment. */
    public record Attribute(String type, String name, Set<Key> keys, String comment) {
        public Attribute {
            keys = keys.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(keys));
        }
    }

    /**
     * A relationship between two tables. Each end's cardinality says how many rows of that end's table one row of the
     * other end's table relates to, in the right-hand notation: {@code ||} exactly one, {@code o|} zero or one,
     * <code>o&#123;</code> zero or more, <code>|&#123;</code> one or more. {@code identifying} is Mermaid's solid line ({@code --}).
     */
    public record Relationship(
            String left,
            String leftCardinality,
            String right,
            String rightCardinality,
            boolean identifying,
            String label) {

        /** The Mermaid text of this relationship, with the left end written as Mermaid writes it on the left. */
        public String toMermaid() {
            return left + " " + leftHand(leftCardinality) + (identifying ? "--" : "..") + rightCardinality + " "
                    + right;
        }

        /** The same relationship whichever end is written first: for comparisons that ignore the writing order. */
        Relationship canonical() {
            boolean swap = left.compareTo(right) > 0
                    || (left.equals(right) && leftCardinality.compareTo(rightCardinality) > 0);
            return swap
                    ? new Relationship(right, rightCardinality, left, leftCardinality, identifying, "")
                    : new Relationship(left, leftCardinality, right, rightCardinality, identifying, "");
        }
    }

    private static final Pattern ENTITY_START = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s*\\{\\s*");
    private static final Pattern ENTITY_ONLY = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_*][A-Za-z0-9_\\-\\[\\]()]*)\\s+"
            + "([A-Za-z_*][A-Za-z0-9_\\-\\[\\]()]*)"
            + "((?:\\s+(?:PK|FK|UK)(?:\\s*,\\s*(?:PK|FK|UK))*)?)"
            + "(?:\\s+\"([^\"]*)\")?");
    private static final Pattern RELATIONSHIP = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)\\s+"
            + "(\\|\\||\\|o|\\}o|\\}\\|)(--|\\.\\.)(\\|\\||o\\||o\\{|\\|\\{)\\s+"
            + "([A-Za-z_][A-Za-z0-9_-]*)\\s*:\\s*(\"[^\"]*\"|[A-Za-z0-9_-]+)");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*)$");

    /** The table of that name, if the diagram has one. */
    public Entity entity(String name) {
        return entities.get(name);
    }

    /** This diagram with another's tables and relationships added (a table in both is an error). */
    public ErDiagram plus(ErDiagram other) {
        Map<String, Entity> merged = new LinkedHashMap<>(entities);
        other.entities.forEach((name, entity) -> {
            if (merged.putIfAbsent(name, entity) != null) {
                throw new IllegalArgumentException("table " + name + " is in both diagrams");
            }
        });
        List<Relationship> all = new ArrayList<>(relationships);
        all.addAll(other.relationships);
        return new ErDiagram(merged, all);
    }

    /**
     * The diagram of a Markdown file's section: the one {@code ```mermaid} block under the heading whose first word
     * (backticks aside) is {@code section}, up to the next heading of the same or a higher level.
     */
    public static ErDiagram fromMarkdown(Path markdown, String section) {
        try {
            return fromMarkdown(Files.readString(markdown), section, markdown.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + markdown, e);
        }
    }

    static ErDiagram fromMarkdown(String markdown, String section, String source) {
        List<String> lines = markdown.lines().toList();
        int level = 0;
        List<String> block = null;
        List<List<String>> blocks = new ArrayList<>();
        boolean inSection = false;
        for (String line : lines) {
            Matcher heading = HEADING.matcher(line);
            if (block == null && heading.matches()) {
                int headingLevel = heading.group(1).length();
                if (inSection && headingLevel <= level) {
                    inSection = false;
                }
                String firstWord = heading.group(2).trim().split("\\s+")[0].replace("`", "");
                if (!inSection && firstWord.equals(section)) {
                    if (level > 0) {
                        throw new IllegalArgumentException(source + " has two sections named " + section);
                    }
                    inSection = true;
                    level = headingLevel;
                }
                continue;
            }
            if (!inSection) {
                continue;
            }
            if (block == null && line.strip().equals("```mermaid")) {
                block = new ArrayList<>();
            } else if (block != null && line.strip().equals("```")) {
                blocks.add(block);
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        if (level == 0) {
            throw new IllegalArgumentException(source + " has no section named " + section);
        }
        if (blocks.size() != 1) {
            throw new IllegalArgumentException(
                    source + ", section " + section + ": expected one mermaid block, found " + blocks.size());
        }
        return parse(String.join("\n", blocks.getFirst()));
    }

    /** Parses the text of a Mermaid {@code erDiagram}; throws on anything this parser does not understand. */
    public static ErDiagram parse(String mermaid) {
        Map<String, Entity> entities = new LinkedHashMap<>();
        List<Relationship> relationships = new ArrayList<>();
        boolean header = false;
        String entity = null;
        Map<String, Attribute> attributes = null;
        int number = 0;
        for (String raw : mermaid.lines().toList()) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("%%")) {
                continue;
            }
            if (!header) {
                if (!line.equals("erDiagram")) {
                    throw error(number, raw, "expected erDiagram first");
                }
                header = true;
                continue;
            }
            if (entity != null) {
                if (line.equals("}")) {
                    addEntity(entities, new Entity(entity, attributes), number, raw);
                    entity = null;
                    continue;
                }
                Matcher attribute = ATTRIBUTE.matcher(line);
                if (!attribute.matches()) {
                    throw error(number, raw, "not an attribute (type name [PK|FK|UK] [\"comment\"])");
                }
                Set<Key> keys = EnumSet.noneOf(Key.class);
                for (String key : attribute.group(3).split(",")) {
                    if (!key.isBlank()) {
                        keys.add(Key.valueOf(key.strip()));
                    }
                }
                String name = attribute.group(2);
                Attribute parsed = new Attribute(
                        attribute.group(1).toLowerCase(Locale.ROOT),
                        name,
                        keys,
                        attribute.group(4) == null ? "" : attribute.group(4));
                if (attributes.putIfAbsent(name, parsed) != null) {
                    throw error(number, raw, "column " + entity + "." + name + " written twice");
                }
                continue;
            }
            Matcher start = ENTITY_START.matcher(line);
            if (start.matches()) {
                entity = start.group(1);
                attributes = new LinkedHashMap<>();
                continue;
            }
            Matcher relationship = RELATIONSHIP.matcher(line);
            if (relationship.matches()) {
                relationships.add(new Relationship(
                        relationship.group(1),
                        rightHand(relationship.group(2)),
                        relationship.group(5),
                        relationship.group(4),
                        relationship.group(3).equals("--"),
                        relationship.group(6).replace("\"", "")));
                continue;
            }
            if (ENTITY_ONLY.matcher(line).matches()) {
                addEntity(entities, new Entity(line, Map.of()), number, raw);
                continue;
            }
            throw error(number, raw, "neither an entity nor a relationship (a ||--o{ b : label)");
        }
        if (!header) {
            throw new IllegalArgumentException("not an erDiagram: empty");
        }
        if (entity != null) {
            throw new IllegalArgumentException("entity " + entity + " is not closed with }");
        }
        for (Relationship relationship : relationships) {
            for (String end : List.of(relationship.left(), relationship.right())) {
                if (!entities.containsKey(end)) {
                    throw new IllegalArgumentException("relationship " + relationship.toMermaid() + " names " + end
                            + ", which has no entity block");
                }
            }
        }
        return new ErDiagram(entities, relationships);
    }

    private static void addEntity(Map<String, Entity> entities, Entity entity, int number, String raw) {
        if (entities.putIfAbsent(entity.name(), entity) != null) {
            throw error(number, raw, "entity " + entity.name() + " written twice");
        }
    }

    private static IllegalArgumentException error(int number, String line, String problem) {
        return new IllegalArgumentException("erDiagram line " + number + " (" + line.strip() + "): " + problem);
    }

    /** A left-hand cardinality ({@code |o}, <code>&#125;o</code>, <code>&#125;|</code>) in the right-hand notation. */
    private static String rightHand(String leftHand) {
        return new StringBuilder(leftHand).reverse().toString().replace('}', '{');
    }

    private static String leftHand(String rightHand) {
        return new StringBuilder(rightHand).reverse().toString().replace('{', '}');
    }
}
