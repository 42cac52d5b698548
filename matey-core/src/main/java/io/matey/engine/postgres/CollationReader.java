package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Collations, libc and ICU, deterministic or not. The locale columns are read through {@code to_jsonb} because
 * their names changed across server versions ({@code colliculocale} in 15 and 16, {@code colllocale} from 17).
 */
final class CollationReader {

    private static final String SQL = """
            SELECT co.oid, quote_ident(n.nspname) || '.' || quote_ident(co.collname) AS name, co.collprovider,
                   co.collisdeterministic, quote_literal(co.collcollate) AS lc_collate,
                   quote_literal(co.collctype) AS lc_ctype,
                   quote_literal(COALESCE(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale')) AS locale,
                   quote_literal(to_jsonb(co) ->> 'collicurules') AS rules
            FROM pg_collation co
            JOIN pg_namespace n ON n.oid = co.collnamespace
            WHERE co.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_collation", "co.oid"));

    private CollationReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE COLLATION ").append(name).append(" (");
            if (row.getString("collprovider").equals("i")) {
                sql.append("provider = icu, locale = ").append(row.getString("locale"));
                if (row.getString("rules") != null) {
                    sql.append(", rules = ").append(row.getString("rules"));
                }
            } else {
                sql.append("provider = libc, lc_collate = ").append(row.getString("lc_collate"))
                        .append(", lc_ctype = ").append(row.getString("lc_ctype"));
            }
            if (!row.getBoolean("collisdeterministic")) {
                sql.append(", deterministic = false");
            }
            DumpObject collation = graph.create(Kind.COLLATION, name);
            collation.add(sql.append(')').toString());
            graph.register("pg_collation", row.getLong("oid"), collation, "COLLATION " + name);
        });
    }
}
