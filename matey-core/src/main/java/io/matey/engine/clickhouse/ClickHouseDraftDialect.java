package io.matey.engine.clickhouse;

import io.matey.schema.DraftDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * ClickHouse alters the named elements its {@code CREATE TABLE} holds besides columns: a data skipping index
 * ({@code INDEX name expr TYPE ... GRANULARITY n}) is added and dropped as an index, a projection
 * ({@code PROJECTION name (SELECT ...)}) as a projection, a {@code CONSTRAINT} as a constraint
 * (docs/architecture.md §3). An added index or projection covers only parts written after it, so the draft also
 * builds it for the rows the table holds ({@code MATERIALIZE INDEX|PROJECTION}, a mutation), in the same
 * {@code ALTER}: each statement of a draft has a single undo, so that it can be a migration of its own (dbmate sends
 * ClickHouse one statement per section). Columns go {@code FIRST} or {@code AFTER} another; a changed column is given
 * its live definition ({@code MODIFY COLUMN}, which keeps a comment, codec or default it does not name, so those it
 * lacks are removed after it); a table's TTL, settings and comment are set one by one, its engine and keys never.
 */
final class ClickHouseDraftDialect implements DraftDialect {

    private static final String CREATE_VIEW = "CREATE VIEW ";
    private static final String CREATE_DICTIONARY = "CREATE DICTIONARY ";
    /** A materialized view writing to a table of its own choosing rather than to an inner table. */
    private static final Pattern TO_TABLE = Pattern.compile("^CREATE MATERIALIZED VIEW \\S+ TO ");
    /** The clauses the dump writes after a table's elements, one a line; those before TTL no ALTER changes. */
    private static final List<String> CLAUSES = List.of("ENGINE", "PARTITION BY", "PRIMARY KEY", "ORDER BY",
            "SAMPLE BY", "TTL", "SETTINGS", "COMMENT");
    /** A column's properties {@code MODIFY COLUMN c REMOVE} takes away, as the dump writes each. */
    private static final Map<String, Pattern> PROPERTIES = Map.of("DEFAULT", Pattern.compile(" DEFAULT "),
            "MATERIALIZED", Pattern.compile(" MATERIALIZED "), "ALIAS", Pattern.compile(" ALIAS "),
            "COMMENT", Pattern.compile(" COMMENT '"), "CODEC", Pattern.compile(" CODEC\\("),
            "TTL", Pattern.compile(" TTL "), "SETTINGS", Pattern.compile(" SETTINGS \\("));

    /**
     * {@code CREATE OR REPLACE VIEW} takes any new definition of a plain view, {@code CREATE OR REPLACE DICTIONARY} of
     * a dictionary (a plain {@code CREATE} of one that exists fails); a materialized view (whose query only the
     * experimental {@code MODIFY QUERY} changes) is dropped and created again ({@link #recreateMaterializedView}).
     */
    @Override
    public String redefine(String definition) {
        for (String kind : List.of(CREATE_VIEW, CREATE_DICTIONARY)) {
            if (definition.startsWith(kind)) {
                return "CREATE OR REPLACE " + definition.substring("CREATE ".length());
            }
        }
        return null;
    }

    /** ClickHouse has no {@code ALTER TABLE ... RENAME TO}: {@code RENAME TABLE} renames tables and views alike. */
    @Override
    public String renameRelation(String kind, String old, String name) {
        return "RENAME TABLE " + old + " TO " + name + ";";
    }

    /** A materialized view is dropped as a view ({@code DROP MATERIALIZED VIEW} is no ClickHouse statement). */
    @Override
    public String dropKind(String kind) {
        return kind.equals("MATERIALIZED VIEW") ? "VIEW" : kind;
    }

    /**
     * Dropped and created again: the rows it wrote are kept in a {@code TO} table but not computed again by the new
     * query, and go with an inner table, which starts empty (docs/architecture.md §5); rows inserted into its source
     * in between are not written either.
     */
    @Override
    public String recreateMaterializedView(String name, String to) {
        String rows = TO_TABLE.matcher(to).find()
                ? "the rows already in its TO table stay as the old query wrote them and are not backfilled"
                : "its inner table goes with it, and the new one holds only rows inserted after the create: not\n"
                        + "-- backfilled (POPULATE, or an INSERT INTO its inner table SELECT ..., fills it)";
        return "-- matey: materialized view " + name + " dropped and created again, as ClickHouse changes its query\n"
                + "-- only with the experimental MODIFY QUERY; " + rows + ".\nDROP VIEW " + name + ";\n" + to;
    }

    @Override
    public boolean altersConstraints() {
        return true;
    }

    @Override
    public String dropConstraint(String table, String name, String element) {
        return "ALTER TABLE " + table + " DROP " + kind(element) + " " + name + ";";
    }

    @Override
    public String addConstraint(String table, String name, String element) {
        String add = DraftDialect.super.addConstraint(table, name, element);
        String kind = kind(element);
        return kind.equals("CONSTRAINT") ? add
                : add.substring(0, add.length() - 1) + ", MATERIALIZE " + kind + " " + name + ";";
    }

    @Override
    public String placeColumn(String previous) {
        return previous == null ? " FIRST" : " AFTER " + previous;
    }

    @Override
    public List<String> alterColumn(String table, String column, String from, String to) {
        String plainFrom = withoutLiterals(from);
        String plainTo = withoutLiterals(to);
        // after the definition: one REMOVE before it would be undone by the definition's kept default
        StringBuilder alter = new StringBuilder("ALTER TABLE " + table + " MODIFY COLUMN " + to);
        for (String property : List.of("DEFAULT", "MATERIALIZED", "ALIAS", "COMMENT", "CODEC", "TTL", "SETTINGS")) {
            Pattern written = PROPERTIES.get(property);
            if (written.matcher(plainFrom).find() && !written.matcher(plainTo).find()) {
                alter.append(", MODIFY COLUMN ").append(column).append(" REMOVE ").append(property);
            }
        }
        return List.of(alter + ";");
    }

    /**
     * The TTL, each setting and the comment, one statement each in the same order both ways (a setting's
     * {@code MODIFY SETTING} or {@code RESET SETTING} and {@code MODIFY TTL} end their ALTER, taking what follows as
     * their list); null when the engine, a key or the partitioning differs, which only a new table changes.
     */
    @Override
    public List<String> alterOptions(String table, String from, String to) {
        Map<String, String> before = clauses(from);
        Map<String, String> after = clauses(to);
        if (before == null || after == null) {
            return null;
        }
        for (String clause : CLAUSES.subList(0, 5)) {
            if (!Objects.equals(before.get(clause), after.get(clause))) {
                return null;
            }
        }
        String alter = "ALTER TABLE " + table + " ";
        List<String> statements = new ArrayList<>();
        Map<String, String> was = settings(before.get("SETTINGS"));
        Map<String, String> now = settings(after.get("SETTINGS"));
        List<String> names = new ArrayList<>(was.keySet());
        for (String name : now.keySet()) {
            if (!was.containsKey(name)) {
                names.add(name);
            }
        }
        names.sort(null);
        for (String name : names) {
            if (!now.containsKey(name)) {
                statements.add(alter + "RESET SETTING " + name + ";");
            } else if (!now.get(name).equals(was.get(name))) {
                statements.add(alter + "MODIFY SETTING " + name + " = " + now.get(name) + ";");
            }
        }
        String comment = after.get("COMMENT");
        if (!Objects.equals(before.get("COMMENT"), comment)) {
            statements.add(alter + "MODIFY COMMENT " + (comment == null ? "''" : comment) + ";");
        }
        String ttl = after.get("TTL");
        if (!Objects.equals(before.get("TTL"), ttl)) {
            statements.add(alter + (ttl == null ? "REMOVE TTL" : "MODIFY TTL " + ttl) + ";");
        }
        return statements;
    }

    @Override
    public boolean oneStatementPerSection() {
        return true;
    }

    /** A table's clauses after its elements by keyword, a line that starts with none continuing the one before. */
    private static Map<String, String> clauses(String tail) {
        Map<String, String> clauses = new LinkedHashMap<>();
        String last = null;
        for (String line : tail.split("\n")) {
            String clause = null;
            for (String keyword : CLAUSES) {
                clause = line.startsWith(keyword + " ") ? keyword : clause;
            }
            if (clause != null) {
                clauses.put(clause, line.substring(clause.length() + 1).replaceFirst(";$", ""));
                last = clause;
            } else if (last != null) {
                clauses.put(last, clauses.get(last) + "\n" + line.replaceFirst(";$", ""));
            } else if (!line.isBlank()) {
                return null;
            }
        }
        return clauses;
    }

    /** {@code a = 1, b = 'x'} by name, split at commas outside quotes and parentheses. */
    private static Map<String, String> settings(String list) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (list == null) {
            return settings;
        }
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == ')')) {
                depth += c == '(' ? 1 : -1;
            } else if (!quoted && depth == 0 && c == ',') {
                String[] setting = list.substring(start, i).strip().split(" = ", 2);
                settings.put(setting[0], setting.length > 1 ? setting[1] : "");
                start = i + 1;
            }
        }
        return settings;
    }

    /** The text with its string literals emptied, so that their words are not read as a column's properties. */
    private static String withoutLiterals(String definition) {
        return definition.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''");
    }

    /** The element's kind as ALTER TABLE names it: INDEX, PROJECTION or CONSTRAINT. */
    private static String kind(String element) {
        return element.startsWith("INDEX ") ? "INDEX" : element.startsWith("PROJECTION ") ? "PROJECTION" : "CONSTRAINT";
    }
}
