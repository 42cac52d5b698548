package io.matey.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a table's constraints and keys changed, by name ({@link TableElements#constraintName}): those to drop (only
 * the committed table has them, or their text changed) and those to add (the live table's, likewise).
 *
 * @param same      whether both tables have the same constraints and keys, in the same order
 * @param removed   the committed elements to drop, by name
 * @param added     the live elements to add, by name
 * @param draftable whether dropping and adding these gives the live elements: no two share a name, the unnamed
 *                  ones stay, and the ones both tables keep stay in the same order
 */
record TableConstraints(boolean same, Map<String, String> removed, Map<String, String> added, boolean draftable) {

    static TableConstraints of(List<String> committed, List<String> live) {
        Map<String, String> before = named(committed);
        Map<String, String> after = named(live);
        Map<String, String> removed = new LinkedHashMap<>(before);
        removed.entrySet().removeIf(e -> e.getValue().equals(after.get(e.getKey())));
        Map<String, String> added = new LinkedHashMap<>(after);
        added.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
        List<String> unnamed = unnamed(committed);
        boolean draftable = before.size() + unnamed.size() == committed.size()
                && after.size() + unnamed(live).size() == live.size() && unnamed.equals(unnamed(live))
                && committed.stream().filter(live::contains).toList().equals(live.stream().filter(committed::contains).toList());
        return new TableConstraints(committed.equals(live), removed, added, draftable);
    }

    private static Map<String, String> named(List<String> elements) {
        Map<String, String> named = new LinkedHashMap<>();
        elements.forEach(element -> {
            String name = TableElements.constraintName(element);
            if (name != null) {
                named.put(name, element);
            }
        });
        return named;
    }

    private static List<String> unnamed(List<String> elements) {
        return elements.stream().filter(e -> TableElements.constraintName(e) == null).toList();
    }
}
