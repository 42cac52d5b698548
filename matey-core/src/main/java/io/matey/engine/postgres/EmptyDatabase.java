package io.matey.engine.postgres;

import io.matey.engine.MigrationProgress;
import io.matey.engine.MigrationTable;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Whether a database provably holds nothing the dump would render, asked in one query instead of a whole dump:
 * every object the dump reads has a catalog row created after initdb ({@link Catalog#FIRST_USER_OID}), so a
 * database with none (the migrations table and Matey's progress table aside) dumps as the empty baseline, unless
 * the {@code public} schema's privileges changed, which the {@link CatalogCensus} conditions ask. Objects
 * that hang off a relation or a type (columns, constraints, triggers, policies, comments) need their owner, so the
 * owners' catalogs suffice. A {@code false} answer proves nothing: the caller dumps to tell (docs/architecture.md §7).
 */
final class EmptyDatabase {

    private static final String MIGRATION_RELATIONS = "('" + MigrationTable.NAME + "', '" + MigrationProgress.TABLE + "')";

    private static final String SQL = "SELECT NOT ("
            // Relations other than the migration tables and their primary keys; TOAST tables belong to a relation.
            + "EXISTS (SELECT 1 FROM pg_class c WHERE c.oid >= " + Catalog.FIRST_USER_OID
            + " AND c.relnamespace <> 'pg_toast'::regnamespace AND c.relname NOT IN " + MIGRATION_RELATIONS
            + " AND NOT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class m ON m.oid = i.indrelid"
            + " WHERE i.indexrelid = c.oid AND i.indisprimary AND m.relname IN " + MIGRATION_RELATIONS + "))"
            // Types that are not a relation's row type or an array of one (the relation answers for those).
            + " OR EXISTS (SELECT 1 FROM pg_type t WHERE t.oid >= " + Catalog.FIRST_USER_OID + " AND t.typrelid = 0"
            + " AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.oid = t.typelem AND e.typrelid <> 0))"
            + " OR EXISTS (SELECT 1 FROM pg_proc WHERE oid >= " + Catalog.FIRST_USER_OID + ")"
            + " OR EXISTS (SELECT 1 FROM pg_namespace n WHERE n.oid >= " + Catalog.FIRST_USER_OID + " AND "
            + Catalog.USER_SCHEMA + ")"
            + " OR EXISTS (SELECT 1 FROM pg_extension WHERE extname <> 'plpgsql')"
            + " OR " + CatalogCensus.USED.values().stream().collect(Collectors.joining(" OR ")) + ")";

    private EmptyDatabase() {
    }

    static boolean proven(Catalog catalog) throws SQLException {
        boolean[] empty = {false};
        catalog.query(SQL, row -> empty[0] = row.getBoolean(1));
        return empty[0];
    }
}
