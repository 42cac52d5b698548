package io.matey.engine.clickhouse;

import io.matey.schema.DraftDialect;
import java.util.regex.Pattern;

/**
 * ClickHouse alters the named elements its {@code CREATE TABLE} holds besides columns: a data skipping index
 * ({@code INDEX name expr TYPE ... GRANULARITY n}) is added and dropped as an index, a projection
 * ({@code PROJECTION name (SELECT ...)}) as a projection, a {@code CONSTRAINT} as a constraint
 * (docs/architecture.md §3). An added index or projection covers only parts written after it, so the draft also
 * builds it for the rows the table holds ({@code MATERIALIZE INDEX|PROJECTION}, a mutation).
 */
final class ClickHouseDraftDialect implements DraftDialect {

    private static final String CREATE_VIEW = "CREATE VIEW ";
    /** A materialized view writing to a table of its own choosing rather than to an inner table. */
    private static final Pattern TO_TABLE = Pattern.compile("^CREATE MATERIALIZED VIEW \\S+ TO ");

    /**
     * {@code CREATE OR REPLACE VIEW} takes any new definition of a plain view; a materialized view (whose query only
     * the experimental {@code MODIFY QUERY} changes) is dropped and created again ({@link #recreateMaterializedView}).
     */
    @Override
    public String redefineView(String view) {
        return view.startsWith(CREATE_VIEW) ? "CREATE OR REPLACE VIEW " + view.substring(CREATE_VIEW.length()) : null;
    }

    /**
     * Dropped and created again: the rows it wrote are kept in a {@code TO} table but not computed again by the new
     * query, and go with an inner table, which starts empty (docs/architecture.md §5); rows inserted into its source
     * in between are not written either.
     */
    @Override
    public String recreateMaterializedView(String name, String to) {
        String rows = TO_TABLE.matcher(to).find()
                ? "the rows already in its TO table stay as the old query wrote them and are not backfilled"
                : "its inner table goes with it, and the new one holds only rows inserted after the create: not\n"
                        + "-- backfilled (POPULATE, or an INSERT INTO its inner table SELECT ..., fills it)";
        return "-- matey: materialized view " + name + " dropped and created again, as ClickHouse changes its query\n"
                + "-- only with the experimental MODIFY QUERY; " + rows + ".\nDROP VIEW " + name + ";\n" + to;
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
