package io.matey.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A SQLite table rebuilt into another definition, for what its {@code ALTER TABLE} cannot change (constraints and
 * keys, a column's definition or place), as sqlite.org's "Making Other Kinds Of Table Schema Changes" does it
 * (docs/architecture.md §5): the table created under a new name with the target definition, the columns both
 * definitions have copied into it, the old table dropped (its indexes and triggers with it), the new one renamed to
 * the old name, and the target's indexes and triggers on it created again. It runs in the migration's transaction:
 * {@code PRAGMA foreign_keys} cannot change inside one, and it need not, as migrations run with foreign keys
 * unenforced; a table that gets foreign keys is checked against them after the rename, which fails the migration
 * when a row breaks one. {@code legacy_alter_table} keeps the rename from failing on a view or another table's
 * trigger that names the table, which it checks while the table is dropped; it is off again after the rename, as by
 * default.
 */
record TableRebuild(List<String> up, List<String> down) {

    private static final String TABLE = "TABLE ";
    private static final Pattern DEPENDENT = Pattern.compile("(?s)^CREATE (?:UNIQUE )?(?:INDEX|TRIGGER) "
            + DraftTarget.NAME + ".*?\\sON (" + DraftTarget.NAME + ")");
    /** A column's or constraint's foreign key. */
    private static final Pattern REFERENCES = Pattern.compile("(?i)\\bREFERENCES\\b");
    /** A generated column's {@code [GENERATED ALWAYS] AS (...)}: INSERT cannot write it. */
    private static final Pattern GENERATED = Pattern.compile("(?i)\\sAS\\s*\\(");

    /**
     * The rebuilds of the tables both dumps have that differ in more than columns added or dropped at the end, by the
     * key {@link DriftDraft} gives them; their indexes and triggers are the rebuilds' ({@link #dependsOn}).
     *
     * @param live     the live dump's blocks, keyed as {@link DriftDraft} keys them
     * @param expected the committed dump's
     * @param dialect  the engine's: none unless it {@link DraftDialect#rebuildsTables() rebuilds tables}
     */
    static Map<String, TableRebuild> of(Map<String, String> live, Map<String, String> expected, DraftDialect dialect) {
        Map<String, TableRebuild> rebuilds = new LinkedHashMap<>();
        if (!dialect.rebuildsTables()) {
            return rebuilds;
        }
        Set<String> tables = new HashSet<>();
        Stream.concat(live.keySet().stream(), expected.keySet().stream()).filter(key -> key.startsWith(TABLE))
                .forEach(key -> tables.add(bare(key.substring(TABLE.length()))));
        live.forEach((key, block) -> {
            String committed = expected.get(key);
            if (key.startsWith(TABLE) && committed != null && !committed.equals(block)) {
                String table = key.substring(TABLE.length());
                TableDraft draft = TableDraft.of(table, committed, block, dialect);
                List<String> up = statements(table, committed, block, dependents(live.values(), table), tables);
                List<String> down = statements(table, block, committed, dependents(expected.values(), table), tables);
                if (!draft.differences().isEmpty() && up != null && down != null) {
                    up.add(0, "-- Rebuilds " + table + ", as SQLite's ALTER TABLE cannot make this change ("
                            + String.join("; ", reasons(draft.differences(), committed, block))
                            + ").\n-- Foreign keys must not be enforced"
                            + " while it runs (`matey db up` and, by default, dbmate do not): with\n-- PRAGMA"
                            + " foreign_keys = ON, DROP TABLE would delete the rows that reference it ON DELETE"
                            + " CASCADE.");
                    rebuilds.put(key, new TableRebuild(up, down));
                }
            }
        });
        return rebuilds;
    }

    /**
     * The statements that rebuild {@code table} from one definition into another.
     *
     * @param table      the table's name as the dump writes it
     * @param from       the {@code CREATE TABLE} it has
     * @param to         the one it gets
     * @param dependents the indexes and triggers it gets, from the target dump ({@link #dependents})
     * @param tables     the names of the tables either dump has, which the new name must not take
     * @return the statements, or null when a definition is not one {@link TableElements} can split
     */
    private static List<String> statements(String table, String from, String to, List<String> dependents,
            Set<String> tables) {
        TableElements before = TableElements.parse(from);
        TableElements after = TableElements.parse(to);
        String header = "CREATE TABLE " + table;
        if (before == null || after == null || !to.startsWith(header)) {
            return null;
        }
        String created = newName(table, tables);
        Map<String, String> sources = new HashMap<>();
        before.columns().keySet().forEach(column -> sources.put(bare(column), column));
        List<String> targets = new ArrayList<>();
        List<String> copied = new ArrayList<>();
        after.columns().forEach((column, definition) -> {
            String source = sources.get(bare(column));
            if (source != null && !generated(column, definition)) {
                targets.add(column);
                copied.add(source);
            }
        });
        List<String> statements = new ArrayList<>();
        List<String> uncopied = unmatched(before, after);
        List<String> unfilled = unmatched(after, before);
        if (!uncopied.isEmpty() && !unfilled.isEmpty()) {
            statements.add(uncopiedCheck(table, uncopied, unfilled));
        }
        statements.add("CREATE TABLE " + created + to.substring(header.length()));
        if (!copied.isEmpty()) {
            statements.add("INSERT INTO " + created + " (" + String.join(", ", targets) + ")\n    SELECT "
                    + String.join(", ", copied) + " FROM " + table + ";");
        }
        statements.add("DROP TABLE " + table + ";");
        statements.add("PRAGMA legacy_alter_table = ON;\nALTER TABLE " + created + " RENAME TO " + table
                + ";\nPRAGMA legacy_alter_table = OFF;");
        if (Stream.concat(after.columns().values().stream(), after.constraints().stream())
                .anyMatch(element -> REFERENCES.matcher(element).find())) {
            statements.add(foreignKeyCheck(table));
        }
        statements.addAll(dependents);
        return statements;
    }

    /**
     * What the rebuild changes, for its comment: the differences {@link TableDraft} names but the place of an added
     * or dropped column, which the rebuilt table's definition gives, and then the columns it adds and drops.
     */
    private static List<String> reasons(List<String> differences, String from, String to) {
        TableElements before = TableElements.parse(from);
        TableElements after = TableElements.parse(to);
        List<String> reasons = new ArrayList<>(differences.stream().filter(d -> !d.contains(" table's last")).toList());
        if (before != null && after != null) {
            unmatched(after, before).forEach(column -> reasons.add("adds column " + column));
            unmatched(before, after).forEach(column -> reasons.add("drops column " + column + " and its values"));
        }
        return reasons;
    }

    /** The stored columns of {@code table} that {@code other} has none of the name of. */
    private static List<String> unmatched(TableElements table, TableElements other) {
        Set<String> names = new HashSet<>();
        other.columns().keySet().forEach(column -> names.add(bare(column)));
        List<String> unmatched = new ArrayList<>();
        table.columns().forEach((column, definition) -> {
            if (!names.contains(bare(column)) && !generated(column, definition)) {
                unmatched.add(column);
            }
        });
        return unmatched;
    }

    private static boolean generated(String column, String definition) {
        return GENERATED.matcher(definition.substring(column.length())).find();
    }

    /**
     * A rebuild that drops columns and adds others may be a rename with another change, which {@link Renames} does
     * not take for one: said so, and statements that fail the migration when a row has a value in a dropped column,
     * rather than lose it unseen (the rows of the scratch database that checks a migration have none). The author
     * who means the drop deletes them; one who means a rename copies the column instead (docs/architecture.md §7).
     */
    private static String uncopiedCheck(String table, List<String> uncopied, List<String> unfilled) {
        String check = (table + " has values in " + String.join(", ", uncopied) + ", which this rebuild does not copy")
                .replace("\"", "\"\"");
        return "-- matey: this rebuild drops " + table + "'s column" + (uncopied.size() > 1 ? "s " : " ")
                + String.join(", ", uncopied) + ", and its values, and adds " + String.join(", ", unfilled)
                + " without values."
                + "\n-- If a column was renamed (and changed), copy it: add its old name after SELECT and its new one to"
                + " the INSERT's\n-- list below, and delete this check, which fails the migration when a row has a"
                + " value the rebuild\n-- would lose; check before committing\nCREATE TEMP TABLE matey_uncopied_values"
                + " (n INTEGER CONSTRAINT \"" + check
                + "\" CHECK (n = 0));\nINSERT INTO matey_uncopied_values SELECT count(*) FROM " + table + " WHERE "
                + String.join(" IS NOT NULL OR ", uncopied) + " IS NOT NULL;\nDROP TABLE matey_uncopied_values;";
    }

    /**
     * Statements that fail the migration when a row of {@code table} breaks one of its foreign keys: they are not
     * enforced while it runs, and {@code PRAGMA foreign_key_check} only lists such rows, so its count goes into a
     * temporary table whose CHECK, named for the error it gives, allows none.
     */
    private static String foreignKeyCheck(String table) {
        String check = (table + " has rows that break a foreign key, which PRAGMA foreign_key_check(" + table
                + ") lists").replace("\"", "\"\"");
        return "-- Foreign keys were not enforced: fail if a row of " + table + " breaks one.\n"
                + "CREATE TEMP TABLE matey_foreign_key_check (violations INTEGER CONSTRAINT \"" + check
                + "\" CHECK (violations = 0));\nINSERT INTO matey_foreign_key_check SELECT count(*) FROM"
                + " pragma_foreign_key_check('" + unquoted(table).replace("'", "''")
                + "');\nDROP TABLE matey_foreign_key_check;";
    }

    /** The indexes and triggers on {@code table} (or view) among a dump's blocks, in the dump's order. */
    static List<String> dependents(Collection<String> blocks, String table) {
        return blocks.stream().filter(block -> bare(table).equals(tableOf(block))).toList();
    }

    /** Whether the block is an index or trigger on a table that one of the rebuilds ({@link #of}) rebuilds. */
    static boolean dependsOn(String block, Map<String, TableRebuild> rebuilds) {
        String table = tableOf(block);
        return table != null && rebuilds.keySet().stream()
                .anyMatch(key -> bare(key.substring(TABLE.length())).equals(table));
    }

    /** The table an index or trigger is on, as {@link #bare} gives it; null for another block. */
    private static String tableOf(String block) {
        Matcher dependent = DEPENDENT.matcher(block);
        return dependent.find() ? bare(dependent.group(1)) : null;
    }

    /** A name without its quotes, in lower case: how SQLite compares names. */
    private static String bare(String name) {
        return unquoted(name).toLowerCase(Locale.ROOT);
    }

    /** A name as SQLite reads it: without its quotes, a doubled quote inside them single. */
    private static String unquoted(String name) {
        if (name.length() < 2 || "\"`[".indexOf(name.charAt(0)) < 0) {
            return name;
        }
        char quote = name.charAt(0);
        String inner = name.substring(1, name.length() - 1);
        return quote == '[' ? inner : inner.replace(String.valueOf(quote) + quote, String.valueOf(quote));
    }

    /** {@code <table>_new}, quoted as the table is, with more {@code _new} while a table has that name. */
    private static String newName(String table, Set<String> tables) {
        char last = table.charAt(table.length() - 1);
        boolean quoted = "\"`]".indexOf(last) >= 0;
        String created = table;
        do {
            created = quoted ? created.substring(0, created.length() - 1) + "_new" + last : created + "_new";
        } while (tables.contains(bare(created)));
        return created;
    }
}
