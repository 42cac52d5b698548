package io.matey.engine.postgres;

import io.matey.schema.DraftDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL names every table constraint its dump writes ({@code CONSTRAINT name ...}) and drops it by that name. A
 * view keeps reading a renamed table or column, and prints it by its new name. A column's nullability changes by
 * {@code ALTER COLUMN ... SET|DROP NOT NULL}: {@code ADD PRIMARY KEY} sets NOT NULL on its columns, and dropping the
 * key leaves it. A column's default, nullability and type change in place ({@link PostgresColumn}), a type only
 * while no view reads the column; an identity's kind and options ({@link PostgresIdentity}); a table's storage
 * parameters by {@code SET} and {@code RESET}.
 */
final class PostgresDraftDialect implements DraftDialect {

    /** A primary key or unique constraint as the dump lists it in its table: its kind and its columns. */
    private static final Pattern KEY = Pattern.compile("^CONSTRAINT \\S+ (PRIMARY KEY|UNIQUE(?: NULLS NOT DISTINCT)?) "
            + "\\(([^()]*)\\)$");
    /** A qualified name's last part, quoted or not. */
    private static final Pattern LAST_PART = Pattern.compile("(\"(?:[^\"]|\"\")*\"|[^.\"]+)$");

    private static final String VIEW = "CREATE VIEW ";
    /** The storage parameters the dump writes last after a table's element list. */
    private static final Pattern STORAGE = Pattern.compile("(?:^|\\n)WITH \\((.*)\\);?$");

    /** The server's implicit and assignment casts, each {@code source\ntarget} ({@link PostgresColumn#to}). */
    private final Set<String> casts;
    /** The live materialized views not populated, named as the dump names them. */
    private final Set<String> unpopulated;

    PostgresDraftDialect(Set<String> casts, Set<String> unpopulated) {
        this.casts = casts;
        this.unpopulated = unpopulated;
    }

    @Override
    public boolean altersConstraints() {
        return true;
    }

    /** The column's nullability, for the columns an added primary key made NOT NULL. */
    @Override
    public String modifyColumn(String table, String column, String definition) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + (definition.contains(" NOT NULL") ? " SET" : " DROP")
                + " NOT NULL;";
    }

    @Override
    public List<String> alterColumn(String table, String column, String from, String to) {
        PostgresIdentity identity = PostgresIdentity.of(from);
        PostgresIdentity other = PostgresIdentity.of(to);
        if (identity != null && other != null) {
            String alter = identity.to(other, table, column);
            return alter == null ? null : List.of(alter);
        }
        PostgresColumn before = PostgresColumn.of(column, from);
        PostgresColumn after = PostgresColumn.of(column, to);
        return before == null || after == null ? null : before.to(after, table, column, casts);
    }

    /** Storage parameters reset where the target has none and set where it has another value; nothing else. */
    @Override
    public List<String> alterOptions(String table, String from, String to) {
        Map<String, String> before = storage(from);
        Map<String, String> after = storage(to);
        if (!withoutStorage(from).equals(withoutStorage(to))) {
            return null;
        }
        List<String> reset = before.keySet().stream().filter(name -> !after.containsKey(name)).toList();
        List<String> set = new ArrayList<>();
        after.forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                set.add(name + "=" + value);
            }
        });
        List<String> statements = new ArrayList<>();
        if (!reset.isEmpty()) {
            statements.add("ALTER TABLE " + table + " RESET (" + String.join(", ", reset) + ");");
        }
        if (!set.isEmpty()) {
            statements.add("ALTER TABLE " + table + " SET (" + String.join(", ", set) + ");");
        }
        return statements;
    }

    /** {@code fillfactor=70, autovacuum_enabled=false} by name; empty without a {@code WITH} clause. */
    private static Map<String, String> storage(String tail) {
        Map<String, String> options = new LinkedHashMap<>();
        Matcher m = STORAGE.matcher(tail);
        if (m.find()) {
            for (String option : m.group(1).split(", ")) {
                int equals = option.indexOf('=');
                options.put(option.substring(0, equals), option.substring(equals + 1));
            }
        }
        return options;
    }

    private static String withoutStorage(String tail) {
        return STORAGE.matcher(tail).replaceFirst("").replaceFirst(";$", "");
    }

    @Override
    public boolean viewsBlockTypeChanges() {
        return true;
    }

    @Override
    public boolean recreatesMaterializedViewsWithReaders() {
        return true;
    }

    @Override
    public boolean unpopulated(String name) {
        return unpopulated.contains(name);
    }

    @Override
    public String renameViewColumn(String view, String column, String name) {
        return "ALTER VIEW " + view + " RENAME COLUMN " + column + " TO " + name + ";";
    }

    /** Its owned sequences follow (PostgreSQL 15 and later), as the draft of their own logging does. */
    @Override
    public String setLogged(String table, boolean logged) {
        return "ALTER TABLE " + table + (logged ? " SET LOGGED;" : " SET UNLOGGED;");
    }

    @Override
    public String move(String kind, String name, String schema) {
        return "ALTER " + kind + " " + name + " SET SCHEMA " + schema + ";";
    }

    @Override
    public boolean followsRenames() {
        return true;
    }

    /** {@code CREATE OR REPLACE}, which keeps the views that read it; a materialized view has none. */
    @Override
    public String replaceView(String view) {
        return view.startsWith(VIEW) ? "CREATE OR REPLACE VIEW " + view.substring(VIEW.length()) : null;
    }

    @Override
    public String clonedKeyName(String partition, String element) {
        Matcher key = KEY.matcher(element);
        if (!key.find()) {
            return null;
        }
        List<String> columns = List.of(key.group(2).split(", ")).stream().map(ClonedIndexName::unquoted).toList();
        Matcher last = LAST_PART.matcher(partition);
        String table = last.find() ? last.group(1) : partition;
        return PartitionKeyName.quoted(PartitionKeyName.chosen(ClonedIndexName.unquoted(table),
                key.group(1).startsWith("PRIMARY") ? 'p' : 'u', columns));
    }

    @Override
    public String clonedIndexName(String index, int clash) {
        return ClonedIndexName.of(index, clash);
    }
}
