package io.matey.engine.clickhouse;

import io.matey.schema.DraftDialect;

/**
 * ClickHouse alters the named elements its {@code CREATE TABLE} holds besides columns: a data skipping index
 * ({@code INDEX name expr TYPE ... GRANULARITY n}) is added and dropped as an index, a {@code CONSTRAINT} as a
 * constraint (docs/architecture.md §3). An added index covers only parts written after it, so the draft also builds
 * it for the rows the table holds ({@code MATERIALIZE INDEX}, a mutation).
 */
final class ClickHouseDraftDialect implements DraftDialect {

    @Override
    public boolean altersConstraints() {
        return true;
    }

    @Override
    public String dropConstraint(String table, String name, String element) {
        return "ALTER TABLE " + table + (isIndex(element) ? " DROP INDEX " : " DROP CONSTRAINT ") + name + ";";
    }

    @Override
    public String addConstraint(String table, String name, String element) {
        String add = DraftDialect.super.addConstraint(table, name, element);
        return isIndex(element) ? add + "\nALTER TABLE " + table + " MATERIALIZE INDEX " + name + ";" : add;
    }

    private static boolean isIndex(String element) {
        return element.startsWith("INDEX ");
    }
}
