package io.matey.engine.sqlite;

import io.matey.schema.DraftDialect;

/** SQLite's ALTER TABLE adds and drops columns only: a table's constraints change by rebuilding it. */
final class SqliteDraftDialect implements DraftDialect {

    @Override
    public String constraintsNotAltered() {
        return "constraints or keys (SQLite cannot add or drop them on an existing table; rebuild it, in a migration"
                + " with transaction:false: PRAGMA foreign_keys = OFF; CREATE TABLE <table>_new with the live definition;"
                + " INSERT INTO <table>_new SELECT its columns FROM <table>; DROP TABLE <table>;"
                + " ALTER TABLE <table>_new RENAME TO <table>; create the table's indexes, triggers and views again;"
                + " PRAGMA foreign_key_check; PRAGMA foreign_keys = ON)";
    }
}
