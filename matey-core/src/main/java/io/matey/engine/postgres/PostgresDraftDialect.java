package io.matey.engine.postgres;

import io.matey.schema.DraftDialect;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL names every table constraint its dump writes ({@code CONSTRAINT name ...}) and drops it by that name. A
 * view keeps reading a renamed table or column, and prints it by its new name. A column's nullability changes by
 * {@code ALTER COLUMN ... SET|DROP NOT NULL}: {@code ADD PRIMARY KEY} sets NOT NULL on its columns, and dropping the
 * key leaves it. A column's default, nullability and type change in place ({@link PostgresColumn}).
 */
final class PostgresDraftDialect implements DraftDialect {

    private static final String VIEW = "CREATE VIEW ";

    /** The server's implicit and assignment casts, each {@code source\ntarget} ({@link PostgresColumn#to}). */
    private final Set<String> casts;

    PostgresDraftDialect(Set<String> casts) {
        this.casts = casts;
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
        PostgresColumn before = PostgresColumn.of(column, from);
        PostgresColumn after = PostgresColumn.of(column, to);
        return before == null || after == null ? null : before.to(after, table, column, casts);
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
    public String clonedIndexName(String index) {
        return ClonedIndexName.of(index);
    }
}
