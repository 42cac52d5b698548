package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Foreign-data wrappers and foreign servers (foreign tables are relations). A wrapper created by its extension
 * ({@code postgres_fdw}, {@code file_fdw}) comes with it. User mappings are left out with ownership and
 * privileges: they name roles and usually hold credentials, which do not belong in a committed schema.
 */
final class ForeignDataReader {

    private static final String WRAPPERS = """
            SELECT w.oid, quote_ident(w.fdwname) AS name, NULLIF(w.fdwhandler, 0)::regproc::text AS handler,
                   NULLIF(w.fdwvalidator, 0)::regproc::text AS validator, %s AS options
            FROM pg_foreign_data_wrapper w
            WHERE w.oid >= %d AND %s
            """.formatted(Catalog.options("w.fdwoptions"), Catalog.FIRST_USER_OID,
            Catalog.notInExtension("pg_foreign_data_wrapper", "w.oid"));

    private static final String SERVERS = """
            SELECT s.oid, quote_ident(s.srvname) AS name, quote_literal(s.srvtype) AS type,
                   quote_literal(s.srvversion) AS version, quote_ident(w.fdwname) AS wrapper, %s AS options
            FROM pg_foreign_server s
            JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
            WHERE s.oid >= %d AND %s
            """.formatted(Catalog.options("s.srvoptions"), Catalog.FIRST_USER_OID,
            Catalog.notInExtension("pg_foreign_server", "s.oid"));

    private ForeignDataReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(WRAPPERS, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE FOREIGN DATA WRAPPER ").append(name);
            if (row.getString("handler") != null) {
                sql.append(" HANDLER ").append(row.getString("handler"));
            }
            if (row.getString("validator") != null) {
                sql.append(" VALIDATOR ").append(row.getString("validator"));
            }
            sql.append(Catalog.optionsClause(Catalog.strings(row, "options")));
            DumpObject wrapper = graph.create(Kind.FOREIGN_SERVER, "0 " + name);
            wrapper.add(sql.toString());
            graph.register("pg_foreign_data_wrapper", row.getLong("oid"), wrapper, "FOREIGN DATA WRAPPER " + name);
        });
        catalog.query(SERVERS, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE SERVER ").append(name);
            if (row.getString("type") != null) {
                sql.append(" TYPE ").append(row.getString("type"));
            }
            if (row.getString("version") != null) {
                sql.append(" VERSION ").append(row.getString("version"));
            }
            sql.append(" FOREIGN DATA WRAPPER ").append(row.getString("wrapper"))
                    .append(Catalog.optionsClause(Catalog.strings(row, "options")));
            DumpObject server = graph.create(Kind.FOREIGN_SERVER, "1 " + name);
            server.add(sql.toString());
            graph.register("pg_foreign_server", row.getLong("oid"), server, "SERVER " + name);
        });
    }
}
