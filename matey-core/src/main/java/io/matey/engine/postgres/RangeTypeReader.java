package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Range types, each with the multirange type and the array types that come with it. Options equal to what
 * CREATE TYPE would choose are left out, except the multirange's name, which is always written.
 */
final class RangeTypeReader {

    private static final String SQL = """
            SELECT t.oid, t.typarray, r.rngmultitypid, m.typarray AS multi_array,
                   quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS name,
                   quote_ident(mn.nspname) || '.' || quote_ident(m.typname) AS multirange_name,
                   format_type(r.rngsubtype, NULL) AS subtype,
                   CASE WHEN NOT opc.opcdefault THEN quote_ident(opn.nspname) || '.' || quote_ident(opc.opcname) END
                       AS opclass,
                   CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> s.typcollation THEN %s END AS collation,
                   NULLIF(r.rngcanonical, 0)::regproc::text AS canonical,
                   NULLIF(r.rngsubdiff, 0)::regproc::text AS subdiff
            FROM pg_range r
            JOIN pg_type t ON t.oid = r.rngtypid
            JOIN pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_type m ON m.oid = r.rngmultitypid
            JOIN pg_namespace mn ON mn.oid = m.typnamespace
            JOIN pg_type s ON s.oid = r.rngsubtype
            JOIN pg_opclass opc ON opc.oid = r.rngsubopc
            JOIN pg_namespace opn ON opn.oid = opc.opcnamespace
            WHERE t.oid >= %d AND %s AND %s
            """.formatted(Catalog.collationName("r.rngcollation"), Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA,
            Catalog.notInExtension("pg_type", "t.oid"));

    private RangeTypeReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE TYPE ").append(name).append(" AS RANGE (\n    SUBTYPE = ")
                    .append(row.getString("subtype"));
            Catalog.option(sql, "SUBTYPE_OPCLASS", row.getString("opclass"));
            Catalog.option(sql, "COLLATION", row.getString("collation"));
            Catalog.option(sql, "CANONICAL", row.getString("canonical"));
            Catalog.option(sql, "SUBTYPE_DIFF", row.getString("subdiff"));
            Catalog.option(sql, "MULTIRANGE_TYPE_NAME", row.getString("multirange_name"));
            DumpObject type = graph.create(Kind.TYPE, name);
            type.add(sql.append("\n)").toString());
            graph.register("pg_type", row.getLong("oid"), type, "TYPE " + name);
            graph.own("pg_type", row.getLong("typarray"), type);
            graph.own("pg_type", row.getLong("rngmultitypid"), type);
            graph.commentable("pg_type", row.getLong("rngmultitypid"), 0, type, "1",
                    "TYPE " + row.getString("multirange_name"));
            graph.own("pg_type", row.getLong("multi_array"), type);
        });
    }
}
