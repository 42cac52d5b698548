package io.matey.engine.sqlite;

import io.matey.schema.DraftDialect;

/**
 * SQLite's ALTER TABLE adds, drops and renames columns only: a table's other changes are made by rebuilding it; and a
 * rename checks every view of the schema; a changed view is dropped and created again, as SQLite cannot replace one.
 */
final class SqliteDraftDialect implements DraftDialect {

    @Override
    public boolean rebuildsTables() {
        return true;
    }

    @Override
    public boolean checksViewsOnRename() {
        return true;
    }

    @Override
    public boolean recreatesViews() {
        return true;
    }
}
