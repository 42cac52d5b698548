package io.matey.engine.mysql;

import io.matey.engine.EngineContract;
import java.util.List;

/** The engine contract on MySQL/MariaDB, with fixtures in its dialect. */
class MysqlEngineContractTest extends EngineContract {

    @Override
    protected String engine() {
        return "mysql";
    }

    @Override
    protected List<MigrationFixture> history() {
        return List.of(
                new MigrationFixture(ITEMS_MIGRATION,
                        "CREATE TABLE contract_items (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40)) ENGINE=InnoDB;",
                        "DROP TABLE contract_items;"),
                new MigrationFixture(TAGS_MIGRATION, "CREATE TABLE `contract_tags` (`id` INT NOT NULL PRIMARY KEY, `label` TEXT);",
                        "DROP TABLE `contract_tags`;"),
                new MigrationFixture(NOTE_MIGRATION, "ALTER TABLE contract_items ADD COLUMN note TEXT AFTER name;",
                        "ALTER TABLE contract_items DROP COLUMN note;"));
    }

    @Override
    protected MigrationFixture nextMigration() {
        return new MigrationFixture(EVENTS_MIGRATION,
                "CREATE TABLE contract_events (id BIGINT NOT NULL PRIMARY KEY, item_id BIGINT,\n"
                        + "  CONSTRAINT contract_events_item FOREIGN KEY (item_id) REFERENCES contract_items (id));",
                "DROP TABLE contract_events;");
    }

    @Override
    protected String createTableOutOfBand(String table) {
        return "CREATE TABLE " + table + " (id INT);";
    }

    /** MySQL commits each DDL statement: the table the first statement creates stays when the second fails. */
    @Override
    protected MigrationFixture failsOnLiveRows() {
        return new MigrationFixture("004_unique_item_names.sql",
                "CREATE TABLE contract_events (id BIGINT NOT NULL PRIMARY KEY);\n"
                        + "ALTER TABLE contract_items ADD UNIQUE INDEX contract_items_name (name);",
                "ALTER TABLE contract_items DROP INDEX contract_items_name;\nDROP TABLE contract_events;");
    }

    /** A write to another database on the same server, which the write guard refuses. */
    @Override
    protected LintViolation lintViolation() {
        return new LintViolation(new MigrationFixture("004_audit.sql",
                "INSERT INTO other_db.audit (note) VALUES ('tags added');", ""), "L104");
    }

    /** The message names the holder's connection id and how to end it. */
    @Override
    protected String lockHolder() {
        return "KILL CONNECTION";
    }

    @Override
    protected List<String> itemRecordTypes() {
        return List.of("long id", "String name", "String note");
    }
}
