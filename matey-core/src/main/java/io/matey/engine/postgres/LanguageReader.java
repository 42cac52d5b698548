package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Procedural languages created by {@code CREATE LANGUAGE} on handler functions of the schema; those of
 * extensions ({@code plpgsql}, {@code plperl}, ...) come with their extension. The handlers are ordered
 * before the language by the catalog's dependencies, and the language before the functions written in it.
 */
final class LanguageReader {

    private static final String SQL = """
            SELECT l.oid, quote_ident(l.lanname) AS name, l.lanpltrusted,
                   l.lanplcallfoid::regproc::text AS handler, NULLIF(l.laninline, 0)::regproc::text AS inline,
                   NULLIF(l.lanvalidator, 0)::regproc::text AS validator
            FROM pg_language l
            WHERE l.oid >= %d AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.notInExtension("pg_language", "l.oid"));

    private LanguageReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE ").append(row.getBoolean("lanpltrusted") ? "TRUSTED " : "")
                    .append("LANGUAGE ").append(name).append(" HANDLER ").append(row.getString("handler"));
            if (row.getString("inline") != null) {
                sql.append(" INLINE ").append(row.getString("inline"));
            }
            if (row.getString("validator") != null) {
                sql.append(" VALIDATOR ").append(row.getString("validator"));
            }
            DumpObject language = graph.create(Kind.LANGUAGE, name);
            language.add(sql.toString());
            graph.register("pg_language", row.getLong("oid"), language, "LANGUAGE " + name);
        });
    }
}
