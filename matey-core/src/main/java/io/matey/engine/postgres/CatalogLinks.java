package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Attaches what the catalog says about objects already read: their comments ({@code pg_description}) and
 * the dependencies that order them ({@code pg_depend}). Both run after every reader has registered its rows; comments
 * last, as a part that breaks a cycle ({@link DumpGraph#breakCycles}) takes its comment along.
 */
final class CatalogLinks {

    /**
     * The comment every new database's {@code public} schema has (PostgreSQL's {@code template1}): another one, or
     * none, is written ({@code IS NULL}), as the dump does not create that schema.
     */
    private static final String PUBLIC_SCHEMA_COMMENT = "standard public schema";

    static final String COMMENTS = """
            SELECT d.classoid::regclass::text AS catalog, d.objoid, d.objsubid, quote_literal(d.description) AS literal,
                   false AS public_schema
            FROM pg_description d
            WHERE d.objoid >= %d
            UNION ALL
            SELECT 'pg_namespace', n.oid, 0, COALESCE(quote_literal(d.description), 'NULL'), true
            FROM pg_namespace n
            LEFT JOIN pg_description d ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid AND d.objsubid = 0
            WHERE n.nspname = 'public' AND d.description IS DISTINCT FROM '%s'
            """.formatted(Catalog.FIRST_USER_OID, PUBLIC_SCHEMA_COMMENT);

    /**
     * Normal and automatic dependencies between user objects, extension memberships ({@code e}) and what a
     * migration made depend on an extension ({@code x}: {@code ALTER ... DEPENDS ON EXTENSION}, which the dump
     * writes after the object, as a drop of the extension drops it), in one scan. A sequence's OWNED BY link points
     * at its table, but the table's default needs the sequence first, so that link is left out (the table takes
     * ownership after it is created).
     */
    static final String DEPENDENCIES = """
            SELECT d.classid::regclass::text AS catalog, d.objid, d.refclassid::regclass::text AS ref_catalog,
                   d.refobjid, d.deptype AS type
            FROM pg_depend d
            WHERE d.deptype IN ('n', 'a', 'e', 'x') AND d.objid >= %d AND d.refobjid >= %d
              AND NOT (d.deptype = 'a' AND d.classid = 'pg_class'::regclass AND d.refobjsubid <> 0
                       AND EXISTS (SELECT 1 FROM pg_sequence s WHERE s.seqrelid = d.objid))
            """.formatted(Catalog.FIRST_USER_OID, Catalog.FIRST_USER_OID);

    private record Link(String catalog, long oid, String refCatalog, long refOid) {
    }

    private CatalogLinks() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        List<Link> dependencies = new ArrayList<>();
        List<Link> onExtensions = new ArrayList<>();
        catalog.query(DEPENDENCIES, row -> {
            Link link = new Link(row.getString("catalog"), row.getLong("objid"), row.getString("ref_catalog"),
                    row.getLong("refobjid"));
            DumpObject extension = graph.owner(link.refCatalog(), link.refOid());
            String type = row.getString("type");
            if (type.equals("x")) {
                onExtensions.add(link);
            } else if (!type.equals("e")) {
                dependencies.add(link);
            } else if (extension != null) {
                // what an extension created stands for the extension: depending on it is depending on it
                graph.own(link.catalog(), link.oid(), extension);
            }
        });
        for (Link link : dependencies) {
            graph.depend(link.catalog(), link.oid(), link.refCatalog(), link.refOid());
        }
        graph.breakCycles();
        for (Link link : onExtensions) {
            graph.dependOnExtension(link.catalog(), link.oid(), link.refOid());
        }
        catalog.query(COMMENTS, row -> {
            if (row.getBoolean("public_schema")) {
                graph.publicSchema().comment("0", "SCHEMA public", row.getString("literal"));
            } else {
                graph.comment(row.getString("catalog"), row.getLong("objoid"), row.getInt("objsubid"),
                        row.getString("literal"));
            }
        });
    }
}
