package io.matey.schema;

import java.util.ArrayList;
import java.util.Collections;
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
 * cannot express exactly is named for the author's comment: changed columns (where the engine modifies only a
 * column's nullability: MySQL's {@code MODIFY COLUMN} gives any definition), unnamed constraints, constraints the
 * engine cannot alter, table options, columns or constraints in another order, and a column that is not last
 * where the engine's ADD COLUMN only appends (MySQL's puts it {@code FIRST} or {@code AFTER} another). A table
 * made logged or unlogged gets the engine's {@link DraftDialect#setLogged} where it has one.
 *
 * @param up          the statements of the up section, in order
 * @param down        the statements of the down section, in order
 * @param differences what these statements do not express; empty when they are the whole change
 */
record TableDraft(List<String> up, List<String> down, List<String> differences) {

    private static final String NOT_NULL = " NOT NULL";
    private static final String UNLOGGED = "CREATE UNLOGGED ";
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
            List<String> modified = changed(table, before, after, keyed.keySet(), dialect);
            List<String> options = before.head().equals(after.head()) && !before.tail().equals(after.tail())
                    ? dialect.alterOptions(table, before.tail(), after.tail()) : null;
            boolean logged = !after.head().startsWith(UNLOGGED);
            String relogged = !before.head().equals(after.head()) && logged(before.head()).equals(logged(after.head()))
                    ? dialect.setLogged(table, logged) : null;
            differences.addAll(others(before, after, keyed.keySet(), modified, options != null, relogged != null));
            // One statement per section (ClickHouse): the options after the columns they may name are added or changed
            // and before those they may name are dropped, each undone at its place (docs/architecture.md §5).
            boolean mirror = dialect.oneStatementPerSection();
            if (options != null && !mirror) {
                up.addAll(options);
                down.addAll(dialect.alterOptions(table, after.tail(), before.tail()));
            }
            List<String> shared = after.columns().keySet().stream().filter(before.columns()::containsKey).toList();
            after.columns().forEach((column, definition) -> {
                if (!before.columns().containsKey(column)) {
                    up.add(alter(table, "ADD COLUMN " + definition + place(after.columns(), column, shared, dialect)));
                    down.add(0, alter(table, "DROP COLUMN " + column));
                    if (!placed(after.columns(), column, shared, dialect)) {
                        differences.add("column " + column + " is not the live table's last (ADD COLUMN appends)");
                    }
                }
            });
            List<String> between = mirror ? between(before, after) : List.of();
            List<String> drops = new ArrayList<>();
            List<String> addsBack = new ArrayList<>();
            before.columns().forEach((column, definition) -> {
                if (!after.columns().containsKey(column)) {
                    drops.add(alter(table, "DROP COLUMN " + column));
                    addsBack.add(alter(table, "ADD COLUMN " + definition + (mirror
                            ? dialect.placeColumn(previous(between, column)) : place(before.columns(), column, shared, dialect))));
                    if (!placed(before.columns(), column, shared, dialect)) {
                        differences.add("column " + column + " is not the committed table's last, so the down"
                                + " section adds it back at the end");
                    }
                }
            });
            if (mirror) {
                modified.forEach(column -> {
                    up.addAll(dialect.alterColumn(table, column, before.columns().get(column), after.columns().get(column)));
                    down.addAll(0, dialect.alterColumn(table, column, after.columns().get(column), before.columns().get(column)));
                });
                if (options != null) {
                    up.addAll(options);
                    List<String> back = new ArrayList<>(dialect.alterOptions(table, after.tail(), before.tail()));
                    Collections.reverse(back);
                    down.addAll(0, back);
                }
                // the last column dropped first, so that each added back in down finds the one it goes after
                Collections.reverse(drops);
                up.addAll(drops);
                down.addAll(0, addsBack);
            } else {
                up.addAll(drops);
                down.addAll(addsBack);
                modified.forEach(column -> {
                    up.addAll(dialect.alterColumn(table, column, before.columns().get(column), after.columns().get(column)));
                    down.addAll(dialect.alterColumn(table, column, after.columns().get(column), before.columns().get(column)));
                });
            }
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
            if (relogged != null) {
                up.add(relogged);
                down.add(dialect.setLogged(table, !logged));
            }
            if (up.size() > (options == null ? 0 : options.size())) {
                return new TableDraft(dialect.changingColumns(up, before.tail(), after.tail()),
                        dialect.changingColumns(down, after.tail(), before.tail()), differences);
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

    /**
     * The changed columns the engine's {@link DraftDialect#alterColumn} turns into their live definition and back,
     * besides those {@code keyed} already are.
     */
    private static List<String> changed(String table, TableElements before, TableElements after, Set<String> keyed,
            DraftDialect dialect) {
        return before.columns().keySet().stream().filter(after.columns()::containsKey).filter(column -> {
            String from = before.columns().get(column);
            String to = after.columns().get(column);
            return !keyed.contains(column) && !from.equals(to) && dialect.alterColumn(table, column, from, to) != null
                    && dialect.alterColumn(table, column, to, from) != null;
        }).toList();
    }

    /**
     * What differs besides columns added or dropped, the columns {@code keyed} and {@code modified} change and, when
     * {@code optionsAltered}, the table's options, and when {@code relogged}, its logging.
     */
    private static List<String> others(TableElements before, TableElements after, Set<String> keyed,
            List<String> modified, boolean optionsAltered, boolean relogged) {
        List<String> differences = new ArrayList<>();
        before.columns().forEach((column, definition) -> {
            String now = after.columns().get(column);
            if (now != null && !now.equals(definition) && !keyed.contains(column) && !modified.contains(column)) {
                differences.add("column " + column + " changed");
            }
        });
        List<String> order = after.columns().keySet().stream().filter(before.columns()::containsKey).toList();
        if (!order.equals(before.columns().keySet().stream().filter(after.columns()::containsKey).toList())) {
            differences.add("the columns' order");
        }
        if (!relogged && !before.head().equals(after.head()) || !optionsAltered && !before.tail().equals(after.tail())) {
            differences.add("table options");
        }
        return differences;
    }

    /**
     * Where {@code ADD COLUMN} must put {@code column} to give {@code columns}' order: nothing when it is last of
     * the columns both tables have (where ADD COLUMN appends) or when the engine only appends, else the engine's
     * {@code FIRST} or {@code AFTER} the column before it.
     */
    private static String place(Map<String, String> columns, String column, List<String> shared, DraftDialect dialect) {
        if (follows(columns, column, shared)) {
            return "";
        }
        String previous = null;
        for (String name : columns.keySet()) {
            if (name.equals(column)) {
                break;
            }
            previous = name;
        }
        String place = dialect.placeColumn(previous);
        return place == null ? "" : place;
    }

    /** Whether {@code ADD COLUMN} puts {@code column} where {@code columns} has it. */
    private static boolean placed(Map<String, String> columns, String column, List<String> shared, DraftDialect dialect) {
        return follows(columns, column, shared) || !place(columns, column, shared, dialect).isEmpty();
    }

    /** Whether {@code column} comes after every column both tables have (where ADD COLUMN appends it). */
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

    /**
     * The columns between the additions and the drops: the committed ones with each added one after the column before
     * it in the live table, where an undone drop puts a column back.
     */
    private static List<String> between(TableElements before, TableElements after) {
        List<String> order = new ArrayList<>(before.columns().keySet());
        String previous = null;
        for (String column : after.columns().keySet()) {
            if (!before.columns().containsKey(column)) {
                order.add(previous == null ? 0 : order.indexOf(previous) + 1, column);
            }
            previous = column;
        }
        return order;
    }

    /** The column before {@code column} in {@code order}, null for the first. */
    private static String previous(List<String> order, String column) {
        int at = order.indexOf(column);
        return at > 0 ? order.get(at - 1) : null;
    }

    /** A table's head as a logged table's: {@code SET LOGGED} and {@code SET UNLOGGED} change nothing else in it. */
    private static String logged(String head) {
        return head.startsWith(UNLOGGED) ? "CREATE " + head.substring(UNLOGGED.length()) : head;
    }

    private static String alter(String table, String action) {
        return "ALTER TABLE " + table + " " + action + ";";
    }
}
