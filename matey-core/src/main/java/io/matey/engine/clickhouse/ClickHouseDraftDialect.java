package io.matey.engine.clickhouse;

import io.matey.schema.DraftDialect;

/**
 * ClickHouse alters the named elements its {@code CREATE TABLE} holds besides columns: a data skipping index
 * ({@code INDEX name expr TYPE ... GRANULARITY n}) is added and dropped as an index, a projection
 * ({@code PROJECTION name (SELECT ...)}) as a projection, a {@code CONSTRAINT} as a constraint
 * (docs/architecture.md §3). An added index or projection covers only parts written after it, so the draft also
 * builds it for the rows the table holds ({@code MATERIALIZE INDEX|PROJECTION}, a mutation).
 */
final class ClickHouseDraftDialect implements DraftDialect {

    private static final String CREATE_VIEW = "CREATE VIEW ";

    /**
     * {@code CREATE OR REPLACE VIEW} takes any new definition of a plain view; a materialized view (whose query only
     * the experimental {@code MODIFY QUERY} changes) is left to the author.
     */
    @Override
    public String redefineView(String view) {
        return view.startsWith(CREATE_VIEW) ? "CREATE OR REPLACE VIEW " + view.substring(CREATE_VIEW.length()) : null;
    }

    @Override
    public boolean altersConstraints() {
        return true;
    }

    @Override
    public String dropConstraint(String table, String name, String element) {
        return "ALTER TABLE " + table + " DROP " + kind(element) + " " + name + ";";
    }

    @Override
    public String addConstraint(String table, String name, String element) {
        String add = DraftDialect.super.addConstraint(table, name, element);
        String kind = kind(element);
        return kind.equals("CONSTRAINT") ? add
                : add + "\nALTER TABLE " + table + " MATERIALIZE " + kind + " " + name + ";";
    }

    /** The element's kind as ALTER TABLE names it: INDEX, PROJECTION or CONSTRAINT. */
    private static String kind(String element) {
        return element.startsWith("INDEX ") ? "INDEX" : element.startsWith("PROJECTION ") ? "PROJECTION" : "CONSTRAINT";
    }
}
