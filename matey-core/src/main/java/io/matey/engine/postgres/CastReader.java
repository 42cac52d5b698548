package io.matey.engine.postgres;

import java.sql.SQLException;

/** User-defined casts; those an extension created come with it. */
final class CastReader {

    private static final String SQL = """
            SELECT c.oid, format_type(c.castsource, NULL) AS source, format_type(c.casttarget, NULL) AS target,
                   c.castmethod, c.castcontext, NULLIF(c.castfunc, 0)::regprocedure::text AS function
            FROM pg_cast c
            WHERE c.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.notInExtension("pg_cast", "c.oid"),
            Catalog.notInternal("pg_cast", "c.oid"));

    private CastReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String cast = "CAST (" + row.getString("source") + " AS " + row.getString("target") + ")";
            String method = switch (row.getString("castmethod")) {
                case "f" -> " WITH FUNCTION " + row.getString("function");
                case "i" -> " WITH INOUT";
                default -> " WITHOUT FUNCTION";
            };
            String context = switch (row.getString("castcontext")) {
                case "a" -> " AS ASSIGNMENT";
                case "i" -> " AS IMPLICIT";
                default -> "";
            };
            DumpObject object = graph.create(Kind.CAST, cast);
            object.add("CREATE " + cast + method + context);
            graph.register("pg_cast", row.getLong("oid"), object, cast);
        });
    }
}
