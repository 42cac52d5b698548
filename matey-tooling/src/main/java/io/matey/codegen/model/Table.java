package io.matey.codegen.model;

import java.util.List;
import java.util.Set;

/**
 * A table or view.
 *
 * @param schema     the schema, or null for the connection's default schema (and for engines without schemas)
 * @param comment    the table comment, or null
 * @param primaryKey the primary key columns in key order, empty when there is none (always for views)
 * @param primaryKeyName the primary key constraint's name where it is not the one the engine gives an unnamed key
 *                   (PostgreSQL's {@code <table>_pkey}), else null
 * @param exclusions PostgreSQL's {@code EXCLUDE} constraints
 * @param options    table options as the engine's DDL names them (SQLite's {@code WITHOUT ROWID}, {@code STRICT}),
 *                   which the engine's {@code CodegenDialect.sqlAlchemyTableKeywords} turns into dialect keywords
 */
public record Table(String schema, String name, boolean view, String comment, List<Column> columns,
        List<String> primaryKey, List<ForeignKey> foreignKeys, List<UniqueConstraint> uniques,
        List<CheckConstraint> checks, List<Index> indexes, String primaryKeyName, List<Exclusion> exclusions,
        Set<String> options) {

    /** A table without exclusion constraints or options whose primary key, if any, has the engine's default name. */
    public Table(String schema, String name, boolean view, String comment, List<Column> columns,
            List<String> primaryKey, List<ForeignKey> foreignKeys, List<UniqueConstraint> uniques,
            List<CheckConstraint> checks, List<Index> indexes) {
        this(schema, name, view, comment, columns, primaryKey, foreignKeys, uniques, checks, indexes, null, List.of(), Set.of());
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    public boolean isPrimaryKey(String column) {
        return primaryKey.contains(column);
    }

    /** Whether {@code columns} carry a unique guarantee: the whole primary key or a unique constraint or index. */
    public boolean isUnique(List<String> columns) {
        if (!primaryKey.isEmpty() && sameColumns(primaryKey, columns)) {
            return true;
        }
        return uniques.stream().anyMatch(u -> sameColumns(u.columns(), columns))
                || indexes.stream().anyMatch(i -> i.unique() && i.where() == null && !i.hasExpressions()
                        && sameColumns(i.columnNames(), columns));
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        return a.size() == b.size() && a.containsAll(b);
    }
}
