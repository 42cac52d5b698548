package io.matey.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL table's parents changed by hand ({@code INHERIT}, {@code NO INHERIT}; docs/architecture.md §5): the
 * statements that change them and, for {@link TableDraft} to compare with the live table, the committed table as
 * those leave it. {@code NO INHERIT} keeps the parent's columns and checks as the table's own; {@code INHERIT} keeps
 * the table's, so its down section restores the parents but the columns stay the table's own, which a comment in it
 * says, as no statement makes them inherited-only again.
 *
 * @param up        the parents' changes
 * @param down      their reverse
 * @param committed the committed {@code CREATE TABLE} with the parents' changes made
 */
record Inheritance(List<String> up, List<String> down, String committed) {

    private static final Pattern INHERITS = Pattern.compile("\nINHERITS \\((.+?)\\)(?=\n|;$)");
    private static final String TABLE = "TABLE ";

    /**
     * @param blocks the committed dump's blocks, keyed as {@link DriftDraft} keys them: the parents' tables
     */
    static Inheritance of(String table, String committed, String live, Map<String, String> blocks) {
        List<String> before = parents(committed);
        List<String> after = parents(live);
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        TableElements elements = TableElements.parse(committed);
        List<String> kept = before.stream().filter(after::contains).toList();
        // INHERIT appends a parent: another order is left to the author
        if (before.equals(after) || elements == null || !after.subList(0, kept.size()).equals(kept)) {
            return new Inheritance(up, down, committed);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> checks = new ArrayList<>();
        for (String parent : before) {
            if (!after.contains(parent)) {
                up.add("ALTER TABLE " + table + " NO INHERIT " + parent + ";");
                down.add(0, "ALTER TABLE " + table + " INHERIT " + parent + ";");
                inherited(parent, blocks, columns, checks);
            }
        }
        for (String parent : after) {
            if (!before.contains(parent)) {
                up.add("ALTER TABLE " + table + " INHERIT " + parent + ";");
                down.add(0, "ALTER TABLE " + table + " NO INHERIT " + parent + ";");
            }
        }
        columns.keySet().removeAll(elements.columns().keySet());
        if (!columns.isEmpty()) {
            down.add("-- matey: INHERIT keeps " + String.join(", ", columns.keySet()) + " as " + table + "'s own columns,"
                    + " which the committed\n-- table only inherits: no statement makes them inherited-only again,"
                    + " so the schema differs\n-- until the table is created again.");
        }
        columns.putAll(elements.columns());
        List<String> list = new ArrayList<>(columns.values());
        list.addAll(elements.constraints());
        checks.stream().filter(check -> !elements.constraints().contains(check)).forEach(list::add);
        String tail = elements.tail().replaceFirst("^INHERITS \\(.+?\\)\n?", "");
        if (!after.isEmpty()) {
            tail = "INHERITS (" + String.join(", ", after) + ")" + (tail.startsWith(";") ? "" : "\n") + tail;
        }
        return new Inheritance(up, down, elements.head() + " (\n    " + String.join(",\n    ", list) + "\n)\n" + tail);
    }

    /** The parents an {@code INHERITS} clause lists, as the dump writes them. */
    private static List<String> parents(String block) {
        Matcher m = INHERITS.matcher(block);
        return m.find() ? Arrays.asList(m.group(1).split(", ")) : List.of();
    }

    /** Adds the columns and inheritable checks of {@code parent}, its own and its parents'. */
    private static void inherited(String parent, Map<String, String> blocks, Map<String, String> columns,
            List<String> checks) {
        String block = blocks.get(TABLE + parent);
        TableElements elements = block == null ? null : TableElements.parse(block);
        if (elements == null) {
            return;
        }
        parents(block).forEach(grandparent -> inherited(grandparent, blocks, columns, checks));
        elements.columns().forEach(columns::putIfAbsent);
        elements.constraints().stream().filter(element -> element.contains(" CHECK ")
                && !element.endsWith(" NO INHERIT")).forEach(checks::add);
    }
}
