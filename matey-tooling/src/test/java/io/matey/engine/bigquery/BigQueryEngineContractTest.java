package io.matey.engine.bigquery;

import io.matey.engine.EngineContract;
import java.util.List;

/**
 * The engine contract on {@code bigquery}: against real BigQuery when {@code MATEY_TEST_BIGQUERY_URL} names a scratch
 * base, else against the in-process {@code BigQueryRestDouble} (not BigQuery), with fixtures in GoogleSQL.
 */
class BigQueryEngineContractTest extends EngineContract {

    @Override
    protected String engine() {
        return "bigquery";
    }

    @Override
    protected List<MigrationFixture> history() {
        return List.of(
                new MigrationFixture(ITEMS_MIGRATION, "CREATE TABLE contract_items (id INT64 NOT NULL, name STRING(40));",
                        "DROP TABLE contract_items;"),
                new MigrationFixture(TAGS_MIGRATION, "CREATE TABLE `contract_tags` (`id` INT64 NOT NULL, `label` STRING);",
                        "DROP TABLE `contract_tags`;"),
                new MigrationFixture(NOTE_MIGRATION, "ALTER TABLE contract_items ADD COLUMN note STRING;",
                        "ALTER TABLE contract_items DROP COLUMN note;"));
    }

    @Override
    protected MigrationFixture nextMigration() {
        return new MigrationFixture(EVENTS_MIGRATION, "CREATE TABLE contract_events (id INT64 NOT NULL, item_id INT64);",
                "DROP TABLE contract_events;");
    }

    @Override
    protected String createTableOutOfBand(String table) {
        return "CREATE TABLE " + table + " (id INT64);";
    }

    /**
     * BigQuery enforces no unique keys and has no transactions: the second statement asserts on the live rows and
     * fails on duplicates; the table the first statement created stays.
     */
    @Override
    protected MigrationFixture failsOnLiveRows() {
        return new MigrationFixture("004_unique_item_names.sql", "CREATE TABLE contract_events (id INT64);\n"
                + "ASSERT NOT EXISTS (SELECT name FROM contract_items GROUP BY name HAVING COUNT(*) > 1)"
                + " AS 'contract_items has duplicate names';", "DROP TABLE contract_events;");
    }

    /** A write to another dataset, which the write guard refuses. */
    @Override
    protected LintViolation lintViolation() {
        return new LintViolation(new MigrationFixture("004_audit.sql",
                "INSERT INTO other_dataset.audit (note) VALUES ('tags added');", ""), "L104");
    }

    /** The lock table's row names the holding process and machine. */
    @Override
    protected String lockHolder() {
        return "held by process " + ProcessHandle.current().pid() + " on ";
    }

    /** INT64 NOT NULL as long, nullable STRING as String. */
    @Override
    protected List<String> itemRecordTypes() {
        return List.of("long id", "String name", "String note");
    }
}
