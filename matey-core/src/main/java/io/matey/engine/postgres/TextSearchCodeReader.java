package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Text-search parsers and templates: named sets of the functions that split and normalise text (dictionaries
 * and configurations, built on them, have their own reader). Their functions, when the schema defines them,
 * are ordered before them by the catalog's dependencies.
 */
final class TextSearchCodeReader {

    private static final String PARSERS = """
            SELECT p.oid, quote_ident(n.nspname) || '.' || quote_ident(p.prsname) AS name,
                   p.prsstart::text AS start, p.prstoken::text AS gettoken, p.prsend::text AS end,
                   p.prslextype::text AS lextypes, NULLIF(p.prsheadline, 0)::regproc::text AS headline
            FROM pg_ts_parser p
            JOIN pg_namespace n ON n.oid = p.prsnamespace
            WHERE p.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_ts_parser", "p.oid"));

    private static final String TEMPLATES = """
            SELECT t.oid, quote_ident(n.nspname) || '.' || quote_ident(t.tmplname) AS name,
                   NULLIF(t.tmplinit, 0)::regproc::text AS init, t.tmpllexize::text AS lexize
            FROM pg_ts_template t
            JOIN pg_namespace n ON n.oid = t.tmplnamespace
            WHERE t.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_ts_template", "t.oid"));

    private TextSearchCodeReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(PARSERS, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE TEXT SEARCH PARSER ").append(name)
                    .append(" (\n    START = ").append(row.getString("start"));
            Catalog.options(sql, row, "GETTOKEN", "END", "LEXTYPES", "HEADLINE");
            DumpObject parser = graph.create(Kind.TEXT_SEARCH, "parser " + name);
            parser.add(sql.append("\n)").toString());
            graph.register("pg_ts_parser", row.getLong("oid"), parser, "TEXT SEARCH PARSER " + name);
        });
        catalog.query(TEMPLATES, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE TEXT SEARCH TEMPLATE ").append(name).append(" (");
            if (row.getString("init") != null) {
                sql.append("\n    INIT = ").append(row.getString("init")).append(',');
            }
            sql.append("\n    LEXIZE = ").append(row.getString("lexize")).append("\n)");
            DumpObject template = graph.create(Kind.TEXT_SEARCH, "template " + name);
            template.add(sql.toString());
            graph.register("pg_ts_template", row.getLong("oid"), template, "TEXT SEARCH TEMPLATE " + name);
        });
    }
}
