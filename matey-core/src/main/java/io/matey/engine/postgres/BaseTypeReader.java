package io.matey.engine.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Base types and shell types. A base type and its I/O functions need each other, so it is written in two
 * steps, as it is created: {@code CREATE TYPE name;} (a shell), the functions (which depend on the shell
 * only), then the full {@code CREATE TYPE name (...)} after them. A shell type left on its own is just the
 * first step. Options equal to CREATE TYPE's defaults are left out, except alignment and storage.
 */
final class BaseTypeReader {

    private static final String SQL = """
            SELECT t.oid, t.typtype, t.typarray, t.typnamespace,
                   quote_ident(n.nspname) || '.' || quote_ident(t.typname) AS name,
                   CASE WHEN t.typlen = -1 THEN 'VARIABLE' ELSE t.typlen::text END AS length, t.typbyval,
                   t.typinput::text AS input, t.typoutput::text AS output,
                   NULLIF(t.typreceive, 0)::regproc::text AS receive, NULLIF(t.typsend, 0)::regproc::text AS send,
                   NULLIF(t.typmodin, 0)::regproc::text AS typmod_in, NULLIF(t.typmodout, 0)::regproc::text AS typmod_out,
                   NULLIF(t.typanalyze, 0)::regproc::text AS analyze,
                   NULLIF(t.typsubscript, 0)::regproc::text AS subscript,
                   CASE t.typalign WHEN 'c' THEN 'char' WHEN 's' THEN 'int2' WHEN 'd' THEN 'double' ELSE 'int4' END
                       AS alignment,
                   CASE t.typstorage WHEN 'e' THEN 'external' WHEN 'x' THEN 'extended' WHEN 'm' THEN 'main'
                       ELSE 'plain' END AS storage,
                   CASE WHEN t.typcategory <> 'U' THEN quote_literal(t.typcategory::text) END AS category,
                   CASE WHEN t.typispreferred THEN 'true' END AS preferred,
                   COALESCE(pg_get_expr(t.typdefaultbin, 0), quote_literal(t.typdefault)) AS "default",
                   CASE WHEN t.typelem <> 0 THEN format_type(t.typelem, NULL) END AS element,
                   CASE WHEN t.typdelim <> ',' THEN quote_literal(t.typdelim::text) END AS delimiter,
                   CASE WHEN t.typcollation <> 0 THEN 'true' END AS collatable,
                   ARRAY[t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout, t.typanalyze,
                         t.typsubscript]::oid[]::bigint[] AS function_oids
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE t.oid >= %d AND %s AND %s
              AND (t.typtype = 'p' OR t.typtype = 'b' AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid))
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_type", "t.oid"));

    private BaseTypeReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            long oid = row.getLong("oid");
            DumpObject shell = graph.create(Kind.TYPE, name + " shell");
            shell.add("CREATE TYPE " + name);
            shell.dependOn(graph.owner("pg_namespace", row.getLong("typnamespace")));
            if (row.getString("typtype").equals("p")) {
                graph.register("pg_type", oid, shell, "TYPE " + name);
                return;
            }
            DumpObject type = graph.create(Kind.TYPE, name);
            type.add(definition(row, name));
            type.dependOn(shell);
            graph.register("pg_type", oid, type, "TYPE " + name);
            graph.own("pg_type", row.getLong("typarray"), type);
            for (Long function : (Long[]) row.getArray("function_oids").getArray()) {
                graph.dependOnShell("pg_proc", function, "pg_type", oid, shell);
            }
        });
    }

    private static String definition(ResultSet row, String name) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE TYPE ").append(name).append(" (\n    INTERNALLENGTH = ")
                .append(row.getString("length"));
        Catalog.options(sql, row, "INPUT", "OUTPUT", "RECEIVE", "SEND", "TYPMOD_IN", "TYPMOD_OUT", "ANALYZE", "SUBSCRIPT");
        if (row.getBoolean("typbyval")) {
            sql.append(",\n    PASSEDBYVALUE");
        }
        Catalog.options(sql, row, "ALIGNMENT", "STORAGE", "CATEGORY", "PREFERRED", "DEFAULT", "ELEMENT", "DELIMITER",
                "COLLATABLE");
        return sql.append("\n)").toString();
    }
}
