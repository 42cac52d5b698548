package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Text-search dictionaries and configurations; a configuration's token mappings are added one token type per
 * statement, dictionaries in their order. Parsers and templates have their own reader.
 */
final class TextSearchReader {

    private static final String DICTIONARIES = """
            SELECT d.oid, quote_ident(n.nspname) || '.' || quote_ident(d.dictname) AS name,
                   quote_ident(tn.nspname) || '.' || quote_ident(t.tmplname) AS template, d.dictinitoption
            FROM pg_ts_dict d
            JOIN pg_namespace n ON n.oid = d.dictnamespace
            JOIN pg_ts_template t ON t.oid = d.dicttemplate
            JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
            WHERE d.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_ts_dict", "d.oid"));

    private static final String CONFIGURATIONS = """
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.cfgname) AS name,
                   quote_ident(pn.nspname) || '.' || quote_ident(p.prsname) AS parser,
                   ARRAY(SELECT 'ADD MAPPING FOR ' || tt.alias || ' WITH '
                                || string_agg(quote_ident(dn.nspname) || '.' || quote_ident(d.dictname), ', '
                                              ORDER BY m.mapseqno)
                         FROM pg_ts_config_map m
                         JOIN ts_token_type(c.cfgparser) tt ON tt.tokid = m.maptokentype
                         JOIN pg_ts_dict d ON d.oid = m.mapdict
                         JOIN pg_namespace dn ON dn.oid = d.dictnamespace
                         WHERE m.mapcfg = c.oid
                         GROUP BY tt.alias ORDER BY tt.alias) AS mappings
            FROM pg_ts_config c
            JOIN pg_namespace n ON n.oid = c.cfgnamespace
            JOIN pg_ts_parser p ON p.oid = c.cfgparser
            JOIN pg_namespace pn ON pn.oid = p.prsnamespace
            WHERE c.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_ts_config", "c.oid"));

    private TextSearchReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(DICTIONARIES, row -> {
            String name = row.getString("name");
            String options = row.getString("dictinitoption");
            DumpObject dictionary = graph.create(Kind.TEXT_SEARCH, "dictionary " + name);
            dictionary.add("CREATE TEXT SEARCH DICTIONARY " + name + " (TEMPLATE = " + row.getString("template")
                    + (options == null ? "" : ", " + options) + ")");
            graph.register("pg_ts_dict", row.getLong("oid"), dictionary, "TEXT SEARCH DICTIONARY " + name);
        });
        catalog.query(CONFIGURATIONS, row -> {
            String name = row.getString("name");
            DumpObject configuration = graph.create(Kind.TEXT_SEARCH, "configuration " + name);
            configuration.add("CREATE TEXT SEARCH CONFIGURATION " + name + " (PARSER = " + row.getString("parser") + ")");
            for (String mapping : Catalog.strings(row, "mappings")) {
                configuration.add("ALTER TEXT SEARCH CONFIGURATION " + name + " " + mapping);
            }
            graph.register("pg_ts_config", row.getLong("oid"), configuration, "TEXT SEARCH CONFIGURATION " + name);
        });
    }
}
