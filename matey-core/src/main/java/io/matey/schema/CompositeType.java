package io.matey.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A PostgreSQL composite type whose attributes changed by hand (docs/architecture.md §5), drafted as {@code ALTER TYPE
 * ... ADD|DROP|ALTER ATTRIBUTE ... CASCADE}: {@code CASCADE} makes the same change to the typed tables of the type
 * ({@link TypedTable}), which refuse it otherwise. {@code ADD ATTRIBUTE} appends, so the draft is made only where each
 * section's added attributes end the list it leads to.
 *
 * @param up   the changes
 * @param down their reverse
 */
record CompositeType(List<String> up, List<String> down) {

    private static final Pattern COMPOSITE = Pattern.compile("^CREATE TYPE " + DraftTarget.NAME + " AS \\(");

    /**
     * The draft between two definitions of a composite type, or null when either is not one or an attribute's place
     * cannot be reached.
     *
     * @param name the type's name as the dump writes it
     */
    static CompositeType of(String name, String committed, String live) {
        TableElements before = composite(committed) ? TableElements.parse(committed) : null;
        TableElements after = composite(live) ? TableElements.parse(live) : null;
        if (before == null || after == null || !before.constraints().isEmpty() || !after.constraints().isEmpty()
                || !reachable(before.columns(), after.columns()) || !reachable(after.columns(), before.columns())) {
            return null;
        }
        return new CompositeType(changes(name, before.columns(), after.columns()),
                changes(name, after.columns(), before.columns()));
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
