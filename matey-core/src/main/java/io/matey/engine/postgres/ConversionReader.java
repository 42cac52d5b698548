package io.matey.engine.postgres;

import java.sql.SQLException;

/** Encoding conversions, default ones included; those of extensions come with their extension. */
final class ConversionReader {

    private static final String SQL = """
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.conname) AS name, c.condefault,
                   quote_literal(pg_encoding_to_char(c.conforencoding)) AS source,
                   quote_literal(pg_encoding_to_char(c.contoencoding)) AS target, c.conproc::text AS function
            FROM pg_conversion c
            JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE c.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_conversion", "c.oid"));

    private ConversionReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            DumpObject conversion = graph.create(Kind.CONVERSION, name);
            conversion.add("CREATE " + (row.getBoolean("condefault") ? "DEFAULT " : "") + "CONVERSION " + name
                    + " FOR " + row.getString("source") + " TO " + row.getString("target") + " FROM "
                    + row.getString("function"));
            graph.register("pg_conversion", row.getLong("oid"), conversion, "CONVERSION " + name);
        });
    }
}
