package io.matey.engine.postgres;

import java.sql.SQLException;

/** Functions and procedures, as {@code pg_get_functiondef} writes them; aggregates have their own reader. */
final class FunctionReader {

    private static final String SQL = """
            SELECT p.oid, p.oid::regprocedure::text AS signature, p.prokind = 'p' AS procedure,
                   pg_get_functiondef(p.oid) AS definition
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.oid >= %d AND p.prokind <> 'a' AND %s AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_proc", "p.oid"),
            Catalog.notInternal("pg_proc", "p.oid"));

    private FunctionReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String signature = row.getString("signature");
            DumpObject function = graph.create(Kind.FUNCTION, signature);
            function.add(row.getString("definition").strip());
            graph.register("pg_proc", row.getLong("oid"), function,
                    (row.getBoolean("procedure") ? "PROCEDURE " : "FUNCTION ") + signature);
        });
    }
}
