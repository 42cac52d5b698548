package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Table and index access methods created on handler functions; those of extensions ({@code bloom}) come with
 * their extension. Tables, indexes and operator classes name them and are ordered after them.
 */
final class AccessMethodReader {

    private static final String SQL = """
            SELECT a.oid, quote_ident(a.amname) AS name, CASE a.amtype WHEN 't' THEN 'TABLE' ELSE 'INDEX' END AS type,
                   a.amhandler::text AS handler
            FROM pg_am a
            WHERE a.oid >= %d AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.notInExtension("pg_am", "a.oid"));

    private AccessMethodReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            DumpObject method = graph.create(Kind.ACCESS_METHOD, name);
            method.add("CREATE ACCESS METHOD " + name + " TYPE " + row.getString("type") + " HANDLER "
                    + row.getString("handler"));
            graph.register("pg_am", row.getLong("oid"), method, "ACCESS METHOD " + name);
        });
    }
}
