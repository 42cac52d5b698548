package io.matey.engine.sqlite;

import io.matey.engine.EngineContract;
import java.util.List;

/** The engine contract on SQLite, with fixtures in SQLite's dialect. */
class SqliteEngineContractTest extends EngineContract {

    @Override
    protected String engine() {
        return "sqlite";
    }

    @Override
    protected List<MigrationFixture> history() {
        return List.of(
                new MigrationFixture(ITEMS_MIGRATION, "CREATE TABLE contract_items (id INTEGER PRIMARY KEY, name VARCHAR(40));",
                        "DROP TABLE contract_items;"),
                new MigrationFixture(TAGS_MIGRATION, "CREATE TABLE contract_tags (id INTEGER PRIMARY KEY, label TEXT);",
                        "DROP TABLE contract_tags;"),
                new MigrationFixture(NOTE_MIGRATION, "ALTER TABLE contract_items ADD COLUMN note TEXT;",
                        "ALTER TABLE contract_items DROP COLUMN note;"));
    }

    @Override
    protected MigrationFixture nextMigration() {
        return new MigrationFixture(EVENTS_MIGRATION,
                "CREATE TABLE contract_events (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES contract_items (id));",
                "DROP TABLE contract_events;");
    }

    @Override
    protected String createTableOutOfBand(String table) {
        return "CREATE TABLE " + table + " (id INTEGER);";
    }

    @Override
    protected MigrationFixture failsOnLiveRows() {
        return new MigrationFixture("004_unique_item_names.sql",
                "CREATE TABLE contract_events (id INTEGER PRIMARY KEY);\n"
                        + "CREATE UNIQUE INDEX contract_items_name ON contract_items (name);",
                "DROP INDEX contract_items_name;\nDROP TABLE contract_events;");
    }

    @Override
    protected LintViolation lintViolation() {
        return new LintViolation(new MigrationFixture("004_drop_tags.sql", "DROP TABLE contract_tags;",
                "CREATE TABLE contract_tags (id INTEGER PRIMARY KEY, label TEXT);"), "L401");
    }

    /** The lock is a file lock; here another thread of this process holds it. */
    @Override
    protected String lockHolder() {
        return "process " + ProcessHandle.current().pid();
    }

    @Override
    protected List<String> itemRecordTypes() {
        return List.of("long id", "String name", "String note");
    }
}
