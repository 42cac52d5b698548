package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Functions and procedures, as {@code pg_get_functiondef} writes them; aggregates have their own reader. A scalar
 * function with a SQL-standard body also gets a stand-in a generated column can call before the function's body
 * can be created ({@link DumpGraph#placeholder}).
 */
final class FunctionReader {

    private static final String SQL = """
            SELECT p.oid, p.oid::regprocedure::text AS signature, p.prokind = 'p' AS procedure,
                   pg_get_functiondef(p.oid) AS definition,
                   CASE WHEN p.prosqlbody IS NOT NULL AND p.prokind = 'f' AND NOT p.proretset
                             AND p.proallargtypes IS NULL
                        THEN format('CREATE FUNCTION %%I.%%I(%%s) RETURNS %%s LANGUAGE sql IMMUTABLE AS %%L',
                                    n.nspname, p.proname, pg_get_function_arguments(p.oid),
                                    pg_get_function_result(p.oid), 'SELECT NULL::' || pg_get_function_result(p.oid))
                   END AS placeholder
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
            String placeholder = row.getString("placeholder");
            if (placeholder != null) {
                graph.placeholder(function, placeholder);
            }
            graph.register("pg_proc", row.getLong("oid"), function,
                    (row.getBoolean("procedure") ? "PROCEDURE " : "FUNCTION ") + signature);
        });
    }
}
