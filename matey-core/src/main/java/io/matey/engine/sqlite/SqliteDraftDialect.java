package io.matey.engine.sqlite;

import io.matey.schema.DraftDialect;

/** SQLite's ALTER TABLE adds and drops columns only: a table's other changes are made by rebuilding it. */
final class SqliteDraftDialect implements DraftDialect {

    @Override
    public boolean rebuildsTables() {
        return true;
    }
}
