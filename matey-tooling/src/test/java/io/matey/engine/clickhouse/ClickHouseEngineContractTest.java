package io.matey.engine.clickhouse;

import io.matey.engine.EngineContract;
import java.util.List;

/** The engine contract on ClickHouse (the test server, MATEY_TEST_CLICKHOUSE_URL), with fixtures in its dialect. */
class ClickHouseEngineContractTest extends EngineContract {

    @Override
    protected String engine() {
        return "clickhouse";
    }

    @Override
    protected List<MigrationFixture> history() {
        return List.of(
                new MigrationFixture(ITEMS_MIGRATION,
                        "CREATE TABLE contract_items (id Int64, name Nullable(String)) ENGINE = MergeTree ORDER BY id;",
                        "DROP TABLE contract_items;"),
                new MigrationFixture(TAGS_MIGRATION,
                        "CREATE TABLE `contract_tags` (`id` Int32, `label` Nullable(String)) ENGINE = ReplacingMergeTree ORDER BY id;",
                        "DROP TABLE `contract_tags`;"),
                new MigrationFixture(NOTE_MIGRATION, "ALTER TABLE contract_items ADD COLUMN note Nullable(String) AFTER name;",
                        "ALTER TABLE contract_items DROP COLUMN note;"));
    }

    @Override
    protected MigrationFixture nextMigration() {
        return new MigrationFixture(EVENTS_MIGRATION,
                "CREATE TABLE contract_events (id Int64, item_id Nullable(Int64)) ENGINE = MergeTree ORDER BY id;",
                "DROP TABLE contract_events;");
    }

    @Override
    protected String createTableOutOfBand(String table) {
        return "CREATE TABLE " + table + " (id Int32) ENGINE = Memory;";
    }

    /**
     * ClickHouse has no transactions and no unique keys: the second statement checks the live rows before the names
     * are relied on, and fails on duplicates; the table the first statement created stays.
     */
    @Override
    protected MigrationFixture failsOnLiveRows() {
        return new MigrationFixture("004_unique_item_names.sql",
                "CREATE TABLE contract_events (id Int64) ENGINE = MergeTree ORDER BY id;\n"
                        + "SELECT throwIf(count() != uniqExact(name), 'contract_items has duplicate names') FROM contract_items;",
                "DROP TABLE contract_events;");
    }

    /** A write to another database on the same server, which the write guard refuses. */
    @Override
    protected LintViolation lintViolation() {
        return new LintViolation(new MigrationFixture("004_audit.sql",
                "INSERT INTO other_db.audit (note) VALUES ('tags added');", ""), "L104");
    }

    /** The lock table's row names the holding process and machine. */
    @Override
    protected String lockHolder() {
        return "held by process " + ProcessHandle.current().pid() + " on ";
    }

    @Override
    protected List<String> itemRecordTypes() {
        return List.of("long id", "String name", "String note");
    }
}
