package io.matey.engine.postgres;

import io.matey.schema.DraftDialect;

/**
 * PostgreSQL names every table constraint its dump writes ({@code CONSTRAINT name ...}) and drops it by that name. A
 * view keeps reading a renamed table or column, and prints it by its new name.
 */
final class PostgresDraftDialect implements DraftDialect {

    private static final String VIEW = "CREATE VIEW ";

    @Override
    public boolean altersConstraints() {
        return true;
    }

    /** {@code CREATE OR REPLACE}, which keeps the views that read it; a materialized view has none. */
    @Override
    public String replaceView(String view) {
        return view.startsWith(VIEW) ? "CREATE OR REPLACE VIEW " + view.substring(VIEW.length()) : null;
    }
}
