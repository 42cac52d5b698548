package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Transforms of a type for a procedural language; those of extensions ({@code hstore_plperl}) come with their
 * extension. Their functions and language are ordered before them by the catalog's dependencies.
 */
final class TransformReader {

    private static final String SQL = """
            SELECT t.oid, 'FOR ' || format_type(t.trftype, NULL) || ' LANGUAGE ' || quote_ident(l.lanname) AS name,
                   NULLIF(t.trffromsql, 0)::regprocedure::text AS from_sql,
                   NULLIF(t.trftosql, 0)::regprocedure::text AS to_sql
            FROM pg_transform t
            JOIN pg_language l ON l.oid = t.trflang
            WHERE t.oid >= %d AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.notInExtension("pg_transform", "t.oid"));

    private TransformReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE TRANSFORM ").append(name).append(" (");
            if (row.getString("from_sql") != null) {
                sql.append("\n    FROM SQL WITH FUNCTION ").append(row.getString("from_sql"));
            }
            if (row.getString("to_sql") != null) {
                sql.append(row.getString("from_sql") != null ? "," : "")
                        .append("\n    TO SQL WITH FUNCTION ").append(row.getString("to_sql"));
            }
            DumpObject transform = graph.create(Kind.TRANSFORM, name);
            transform.add(sql.append("\n)").toString());
            graph.register("pg_transform", row.getLong("oid"), transform, "TRANSFORM " + name);
        });
    }
}
