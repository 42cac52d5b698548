package io.matey.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a drift draft for a table both dumps have but that differs: a column only the live table has is
 * added ({@code ADD COLUMN}, dropped in down), one only the committed table has is dropped (added again in down
 * with its committed definition). A named constraint or key only one of them has, or changed, is dropped and added
 * where the engine's {@code ALTER TABLE} can ({@link DraftDialect}): drops come first, since a dropped column may be
 * what a dropped constraint names, and additions last, since an added one may name an added column. A column an
 * added primary key made NOT NULL gets its live definition before the key is added, and its committed one after
 * the key is dropped in down, where the engine can modify a column. What these
 * cannot express exactly is named for the author's comment: changed columns, unnamed constraints, constraints the
 * engine cannot alter, table options, columns or constraints in another order, and a column that is not last
 * (ADD COLUMN appends).
 *
 * @param up          the statements of the up section, in order
 * @param down        the statements of the down section, in order
 * @param differences what these statements do not express; empty when they are the whole change
 */
record TableDraft(List<String> up, List<String> down, List<String> differences) {

    private static final String NOT_NULL = " NOT NULL";
    /** A nullable column's {@code NULL} or {@code DEFAULT NULL}, which NOT NULL takes the place of. */
    private static final Pattern NULLABLE = Pattern.compile(" (?:DEFAULT )?NULL(?=[ ,]|$)");

    /**
     * @param table     the table's name as the dump writes it
     * @param committed the committed {@code CREATE TABLE}
     * @param live      the live one
     * @param dialect   what the engine's ALTER TABLE can change
     */
    static TableDraft of(String table, String committed, String live, DraftDialect dialect) {
        TableElements before = TableElements.parse(committed);
        TableElements after = TableElements.parse(live);
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        if (before == null || after == null) {
            differences.add("the table's text");
        } else {
            TableConstraints constraints = TableConstraints.of(before.constraints(), after.constraints());
            boolean altered = constraints.same() || dialect.altersConstraints() && constraints.draftable();
            Map<String, String> keyed = altered ? madeNotNull(table, before, after, constraints.added(), dialect)
                    : Map.of();
            differences.addAll(others(before, after, keyed.keySet()));
            List<String> shared = after.columns().keySet().stream().filter(before.columns()::containsKey).toList();
            after.columns().forEach((column, definition) -> {
                if (!before.columns().containsKey(column)) {
                    up.add(alter(table, "ADD COLUMN " + definition));
                    down.add(0, alter(table, "DROP COLUMN " + column));
                    if (!follows(after.columns(), column, shared)) {
                        differences.add("column " + column + " is not the live table's last (ADD COLUMN appends)");
                    }
                }
            });
            before.columns().forEach((column, definition) -> {
                if (!after.columns().containsKey(column)) {
                    up.add(alter(table, "DROP COLUMN " + column));
                    down.add(alter(table, "ADD COLUMN " + definition));
                    if (!follows(before.columns(), column, shared)) {
                        differences.add("column " + column + " is not the committed table's last, so the down"
                                + " section adds it back at the end");
                    }
                }
            });
            if (!altered) {
                differences.add("constraints or keys");
            } else {
                constraints.removed().forEach((name, element) -> {
                    up.add(0, dialect.dropConstraint(table, name, element));
                    down.add(dialect.addConstraint(table, name, element));
                });
                keyed.forEach((column, definition) -> up.add(dialect.modifyColumn(table, column, definition)));
                constraints.added().forEach((name, element) -> {
                    up.add(dialect.addConstraint(table, name, element));
                    down.add(0, dialect.dropConstraint(table, name, element));
                });
                down.addAll(constraints.added().size(), keyed.keySet().stream()
                        .map(column -> dialect.modifyColumn(table, column, before.columns().get(column))).toList());
            }
        }
        return new TableDraft(up, down, differences);
    }

    /**
     * The live definitions of the columns an added primary key made NOT NULL (and changed in nothing else), by name,
     * when the engine can modify a column; none otherwise.
     */
    private static Map<String, String> madeNotNull(String table, TableElements before, TableElements after,
            Map<String, String> added, DraftDialect dialect) {
        Map<String, String> keyed = new LinkedHashMap<>();
        added.values().stream().flatMap(element -> TableElements.primaryKeyColumns(element).stream())
                .filter(column -> before.columns().containsKey(column) && after.columns().containsKey(column))
                .filter(column -> madeNotNull(before.columns().get(column), after.columns().get(column))
                        && dialect.modifyColumn(table, column, after.columns().get(column)) != null)
                .forEach(column -> keyed.put(column, after.columns().get(column)));
        return keyed;
    }

    /** Whether {@code live} is {@code committed} with its nullability (and a NULL default) replaced by NOT NULL. */
    private static boolean madeNotNull(String committed, String live) {
        return !committed.contains(NOT_NULL) && live.contains(NOT_NULL)
                && NULLABLE.matcher(committed).replaceAll("").equals(live.replaceFirst(NOT_NULL, ""));
    }

    /** What differs besides columns added or dropped, and the columns {@code drafted} are changed by. */
    private static List<String> others(TableElements before, TableElements after, Set<String> drafted) {
        List<String> differences = new ArrayList<>();
        before.columns().forEach((column, definition) -> {
            String now = after.columns().get(column);
            if (now != null && !now.equals(definition) && !drafted.contains(column)) {
                differences.add("column " + column + " changed");
            }
        });
        List<String> order = after.columns().keySet().stream().filter(before.columns()::containsKey).toList();
        if (!order.equals(before.columns().keySet().stream().filter(after.columns()::containsKey).toList())) {
            differences.add("the columns' order");
        }
        if (!before.head().equals(after.head()) || !before.tail().equals(after.tail())) {
            differences.add("table options");
        }
        return differences;
    }

    /** Whether {@code column} comes after every column both tables have (where ADD COLUMN puts it). */
    private static boolean follows(Map<String, String> columns, String column, List<String> shared) {
        boolean seen = false;
        for (String name : columns.keySet()) {
            seen |= name.equals(column);
            if (seen && shared.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static String alter(String table, String action) {
        return "ALTER TABLE " + table + " " + action + ";";
    }
}
