package io.matey.engine.mysql;

import io.matey.schema.DraftDialect;

/**
 * MySQL and MariaDB drop what {@code SHOW CREATE TABLE} writes inside a table each in its own way: a key (a
 * {@code UNIQUE} constraint is one) as an index, a check as a constraint, a foreign key as one; {@code MODIFY COLUMN}
 * gives a column the whole definition the dump writes.
 */
final class MysqlDraftDialect implements DraftDialect {

    @Override
    public boolean altersConstraints() {
        return true;
    }

    @Override
    public String dropConstraint(String table, String name, String element) {
        String drop;
        if (element.startsWith("PRIMARY KEY")) {
            drop = "DROP PRIMARY KEY";
        } else if (!element.startsWith("CONSTRAINT ")) {
            drop = "DROP INDEX " + name;
        } else if (element.contains(" FOREIGN KEY ")) {
            drop = "DROP FOREIGN KEY " + name;
        } else {
            drop = "DROP CONSTRAINT " + name;
        }
        return "ALTER TABLE " + table + " " + drop + ";";
    }

    @Override
    public String modifyColumn(String table, String definition) {
        return "ALTER TABLE " + table + " MODIFY COLUMN " + definition + ";";
    }
}
