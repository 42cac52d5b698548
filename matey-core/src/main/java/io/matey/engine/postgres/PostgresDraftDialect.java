package io.matey.engine.postgres;

import io.matey.schema.DraftDialect;

/**
 * PostgreSQL names every table constraint its dump writes ({@code CONSTRAINT name ...}) and drops it by that name. A
 * view keeps reading a renamed table or column, and prints it by its new name. A column's nullability changes by
 * {@code ALTER COLUMN ... SET|DROP NOT NULL}: {@code ADD PRIMARY KEY} sets NOT NULL on its columns, and dropping the
 * key leaves it.
 */
final class PostgresDraftDialect implements DraftDialect {

    private static final String VIEW = "CREATE VIEW ";

    @Override
    public boolean altersConstraints() {
        return true;
    }

    /** The column's nullability, the one way drafts change a column in place ({@link DraftDialect#modifyColumn}). */
    @Override
    public String modifyColumn(String table, String column, String definition) {
        return "ALTER TABLE " + table + " ALTER COLUMN " + column + (definition.contains(" NOT NULL") ? " SET" : " DROP")
                + " NOT NULL;";
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
}
