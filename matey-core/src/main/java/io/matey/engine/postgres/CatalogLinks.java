package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Attaches what the catalog says about objects already read: their comments ({@code pg_description}) and
 * the dependencies that order them ({@code pg_depend}). Both run after every reader has registered its rows.
 */
final class CatalogLinks {

    private static final String COMMENTS = """
            SELECT d.classoid::regclass::text AS catalog, d.objoid, d.objsubid, quote_literal(d.description) AS literal
            FROM pg_description d
            WHERE d.objoid >= %d
            """.formatted(Catalog.FIRST_USER_OID);

    /**
     * Normal and automatic dependencies between user objects; a reference to an object an extension created
     * is a reference to the extension. A sequence's OWNED BY link points at its table, but the table's default
     * needs the sequence first, so that link is left out (the table takes ownership after it is created).
     */
    private static final String DEPENDENCIES = """
            SELECT d.classid::regclass::text AS catalog, d.objid,
                   COALESCE(x.refclassid, d.refclassid)::regclass::text AS ref_catalog,
                   COALESCE(x.refobjid, d.refobjid) AS ref_objid
            FROM pg_depend d
            LEFT JOIN pg_depend x ON x.classid = d.refclassid AND x.objid = d.refobjid AND x.deptype = 'e'
            WHERE d.deptype IN ('n', 'a') AND d.objid >= %d AND d.refobjid >= %d
              AND NOT (d.deptype = 'a' AND d.classid = 'pg_class'::regclass AND d.refobjsubid <> 0
                       AND EXISTS (SELECT 1 FROM pg_sequence s WHERE s.seqrelid = d.objid))
            """.formatted(Catalog.FIRST_USER_OID, Catalog.FIRST_USER_OID);

    private CatalogLinks() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(COMMENTS, row -> graph.comment(row.getString("catalog"), row.getLong("objoid"),
                row.getInt("objsubid"), row.getString("literal")));
        catalog.query(DEPENDENCIES, row -> graph.depend(row.getString("catalog"), row.getLong("objid"),
                row.getString("ref_catalog"), row.getLong("ref_objid")));
    }
}
