package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Attaches what the catalog says about objects already read: their comments ({@code pg_description}) and
 * the dependencies that order them ({@code pg_depend}). Both run after every reader has registered its rows.
 */
final class CatalogLinks {

    static final String COMMENTS = """
            SELECT d.classoid::regclass::text AS catalog, d.objoid, d.objsubid, quote_literal(d.description) AS literal
            FROM pg_description d
            WHERE d.objoid >= %d
            """.formatted(Catalog.FIRST_USER_OID);

    /**
     * Normal and automatic dependencies between user objects, and extension memberships ({@code e}), in one
     * scan. A sequence's OWNED BY link points at its table, but the table's default needs the sequence first,
     * so that link is left out (the table takes ownership after it is created).
     */
    static final String DEPENDENCIES = """
            SELECT d.classid::regclass::text AS catalog, d.objid, d.refclassid::regclass::text AS ref_catalog,
                   d.refobjid, d.deptype = 'e' AS membership
            FROM pg_depend d
            WHERE d.deptype IN ('n', 'a', 'e') AND d.objid >= %d AND d.refobjid >= %d
              AND NOT (d.deptype = 'a' AND d.classid = 'pg_class'::regclass AND d.refobjsubid <> 0
                       AND EXISTS (SELECT 1 FROM pg_sequence s WHERE s.seqrelid = d.objid))
            """.formatted(Catalog.FIRST_USER_OID, Catalog.FIRST_USER_OID);

    private record Link(String catalog, long oid, String refCatalog, long refOid) {
    }

    private CatalogLinks() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(COMMENTS, row -> graph.comment(row.getString("catalog"), row.getLong("objoid"),
                row.getInt("objsubid"), row.getString("literal")));
        List<Link> dependencies = new ArrayList<>();
        catalog.query(DEPENDENCIES, row -> {
            Link link = new Link(row.getString("catalog"), row.getLong("objid"), row.getString("ref_catalog"),
                    row.getLong("refobjid"));
            DumpObject extension = graph.owner(link.refCatalog(), link.refOid());
            if (!row.getBoolean("membership")) {
                dependencies.add(link);
            } else if (extension != null) {
                // what an extension created stands for the extension: depending on it is depending on it
                graph.own(link.catalog(), link.oid(), extension);
            }
        });
        for (Link link : dependencies) {
            graph.depend(link.catalog(), link.oid(), link.refCatalog(), link.refOid());
        }
    }
}
