package io.matey.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A PostgreSQL composite type whose attributes changed by hand (docs/architecture.md §5), drafted as {@code ALTER TYPE
 * ... ADD|DROP|ALTER ATTRIBUTE ... CASCADE}: {@code CASCADE} makes the same change to the typed tables of the type
 * ({@link TypedTable}), which refuse it otherwise. {@code ADD ATTRIBUTE} appends, so the draft is made only where each
 * section's added attributes end the list it leads to. An attribute dropped by hand that stood before another is
 * dropped in up, and the down section, which no statement puts it back in its place from, says so instead
 * ({@link #notRestored}).
 *
 * @param up       the changes
 * @param down     their reverse; empty where {@code misplaced} is not
 * @param misplaced the committed definitions of the attributes down cannot add back in their place
 */
record CompositeType(List<String> up, List<String> down, List<String> misplaced) {

    private static final Pattern COMPOSITE = Pattern.compile("^CREATE TYPE " + DraftTarget.NAME + " AS \\(");

    /**
     * The draft between two definitions of a composite type, or null when either is not one or an attribute's place
     * cannot be reached in up.
     *
     * @param name the type's name as the dump writes it
     */
    static CompositeType of(String name, String committed, String live) {
        TableElements before = composite(committed) ? TableElements.parse(committed) : null;
        TableElements after = composite(live) ? TableElements.parse(live) : null;
        if (before == null || after == null || !before.constraints().isEmpty() || !after.constraints().isEmpty()
                || !reachable(before.columns(), after.columns())) {
            return null;
        }
        List<String> up = changes(name, before.columns(), after.columns());
        if (reachable(after.columns(), before.columns())) {
            return new CompositeType(up, changes(name, after.columns(), before.columns()), List.of());
        }
        List<String> misplaced = before.columns().entrySet().stream()
                .filter(attribute -> !after.columns().containsKey(attribute.getKey())).map(Map.Entry::getValue).toList();
        return new CompositeType(up, List.of(), misplaced);
    }

    /** The names of the attributes down cannot add back in their place. */
    List<String> misplacedNames() {
        return misplaced.stream().map(definition -> definition.split(" ", 2)[0]).toList();
    }

    /**
     * The down section's refusal, in place of the attributes it cannot add back in their place, and of the options
     * that {@code restored} gives the typed tables on them once they are.
     *
     * @param typedTables the tables {@code OF} the type
     */
    String notRestored(String name, List<String> typedTables, List<String> restored) {
        List<String> names = misplacedNames();
        StringBuilder note = new StringBuilder("-- Not drafted as SQL: attribute " + String.join(", ", names) + " of "
                + name + " stood before others, and ALTER TYPE ... ADD ATTRIBUTE appends"
                + (typedTables.isEmpty() ? "" : " (in its typed tables " + String.join(", ", typedTables) + " too)")
                + ",\n-- so no statement puts it back in its place. By hand: create " + name + " again with its"
                + " committed attributes,\n-- and the tables of it, copying their rows; or add it back at the end and"
                + " accept that order as an inexact\n-- down under [inexact_downs] in config.toml:");
        misplaced.forEach(definition -> note.append("\n-- ALTER TYPE ").append(name).append(" ADD ATTRIBUTE ")
                .append(definition).append(" CASCADE;"));
        if (!restored.isEmpty()) {
            note.append("\n-- Then give the typed tables their options on it again:");
            restored.forEach(statement -> statement.lines().forEach(line -> note.append("\n-- ").append(line)));
        }
        return note.toString();
    }

    /** Whether the block creates a composite type, which has a relation of its name. */
    static boolean composite(String block) {
        return COMPOSITE.matcher(block).find();
    }

    /** Whether dropping the attributes {@code to} lacks and appending those it adds gives its order. */
    private static boolean reachable(Map<String, String> from, Map<String, String> to) {
        List<String> order = new ArrayList<>(from.keySet());
        order.retainAll(to.keySet());
        to.keySet().stream().filter(attribute -> !from.containsKey(attribute)).forEach(order::add);
        return order.equals(new ArrayList<>(to.keySet()));
    }

    private static List<String> changes(String name, Map<String, String> from, Map<String, String> to) {
        String alter = "ALTER TYPE " + name + " ";
        List<String> statements = new ArrayList<>();
        from.forEach((attribute, definition) -> {
            String other = to.get(attribute);
            if (other == null) {
                statements.add(alter + "DROP ATTRIBUTE " + attribute + " CASCADE;");
            } else if (!other.equals(definition)) {
                statements.add(alter + "ALTER ATTRIBUTE " + attribute + " TYPE "
                        + other.substring(attribute.length()).strip() + " CASCADE;");
            }
        });
        to.forEach((attribute, definition) -> {
            if (!from.containsKey(attribute)) {
                statements.add(alter + "ADD ATTRIBUTE " + definition + " CASCADE;");
            }
        });
        return statements;
    }
}
