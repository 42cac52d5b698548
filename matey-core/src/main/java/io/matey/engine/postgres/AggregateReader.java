package io.matey.engine.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Aggregates, normal and ordered-set, rebuilt from {@code pg_aggregate}; options equal to CREATE AGGREGATE's
 * defaults are left out. Their functions are ordered before them by the catalog's dependencies.
 */
final class AggregateReader {

    private static final String SQL = """
            SELECT p.oid, quote_ident(n.nspname) || '.' || quote_ident(p.proname) AS name,
                   pg_get_function_arguments(p.oid) AS arguments,
                   pg_get_function_identity_arguments(p.oid) AS identity, a.aggkind,
                   a.aggtransfn::regproc::text AS sfunc, format_type(a.aggtranstype, NULL) AS stype,
                   NULLIF(a.aggtransspace, 0) AS sspace, NULLIF(a.aggfinalfn, 0)::regproc::text AS finalfunc,
                   a.aggfinalextra, a.aggfinalmodify, NULLIF(a.aggcombinefn, 0)::regproc::text AS combinefunc,
                   NULLIF(a.aggserialfn, 0)::regproc::text AS serialfunc,
                   NULLIF(a.aggdeserialfn, 0)::regproc::text AS deserialfunc, quote_literal(a.agginitval) AS initcond,
                   NULLIF(a.aggmtransfn, 0)::regproc::text AS msfunc, NULLIF(a.aggminvtransfn, 0)::regproc::text AS minvfunc,
                   CASE WHEN a.aggmtranstype <> 0 THEN format_type(a.aggmtranstype, NULL) END AS mstype,
                   NULLIF(a.aggmtransspace, 0) AS msspace, NULLIF(a.aggmfinalfn, 0)::regproc::text AS mfinalfunc,
                   a.aggmfinalextra, a.aggmfinalmodify, quote_literal(a.aggminitval) AS minitcond,
                   CASE WHEN a.aggsortop <> 0 THEN 'OPERATOR(' || a.aggsortop::regoper::text || ')' END AS sortop,
                   p.proparallel
            FROM pg_aggregate a
            JOIN pg_proc p ON p.oid = a.aggfnoid
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE p.oid >= %d AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_proc", "p.oid"));

    private AggregateReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String signature = row.getString("name") + "(" + row.getString("identity") + ")";
            DumpObject aggregate = graph.create(Kind.AGGREGATE, signature);
            aggregate.add(definition(row));
            graph.register("pg_proc", row.getLong("oid"), aggregate, "AGGREGATE " + signature);
        });
    }

    private static String definition(ResultSet row) throws SQLException {
        // an ordered-set aggregate's final function may modify its state unless told otherwise
        String defaultModify = row.getString("aggkind").equals("n") ? "r" : "w";
        StringBuilder sql = new StringBuilder("CREATE AGGREGATE ").append(row.getString("name")).append('(')
                .append(row.getString("arguments")).append(") (\n    SFUNC = ").append(row.getString("sfunc"))
                .append(",\n    STYPE = ").append(row.getString("stype"));
        Catalog.option(sql, "SSPACE", row.getString("sspace"));
        Catalog.option(sql, "FINALFUNC", row.getString("finalfunc"));
        flag(sql, "FINALFUNC_EXTRA", row.getBoolean("aggfinalextra"));
        Catalog.option(sql, "FINALFUNC_MODIFY", modify(row.getString("aggfinalmodify"), defaultModify));
        Catalog.option(sql, "COMBINEFUNC", row.getString("combinefunc"));
        Catalog.option(sql, "SERIALFUNC", row.getString("serialfunc"));
        Catalog.option(sql, "DESERIALFUNC", row.getString("deserialfunc"));
        Catalog.option(sql, "INITCOND", row.getString("initcond"));
        Catalog.option(sql, "MSFUNC", row.getString("msfunc"));
        Catalog.option(sql, "MINVFUNC", row.getString("minvfunc"));
        Catalog.option(sql, "MSTYPE", row.getString("mstype"));
        Catalog.option(sql, "MSSPACE", row.getString("msspace"));
        Catalog.option(sql, "MFINALFUNC", row.getString("mfinalfunc"));
        flag(sql, "MFINALFUNC_EXTRA", row.getBoolean("aggmfinalextra"));
        if (row.getString("msfunc") != null) {
            Catalog.option(sql, "MFINALFUNC_MODIFY", modify(row.getString("aggmfinalmodify"), defaultModify));
        }
        Catalog.option(sql, "MINITCOND", row.getString("minitcond"));
        Catalog.option(sql, "SORTOP", row.getString("sortop"));
        Catalog.option(sql, "PARALLEL", switch (row.getString("proparallel")) {
            case "s" -> "SAFE";
            case "r" -> "RESTRICTED";
            default -> null;
        });
        flag(sql, "HYPOTHETICAL", row.getString("aggkind").equals("h"));
        return sql.append("\n)").toString();
    }

    private static String modify(String code, String defaultCode) {
        if (code.equals(defaultCode)) {
            return null;
        }
        return switch (code) {
            case "r" -> "READ_ONLY";
            case "s" -> "SHAREABLE";
            default -> "READ_WRITE";
        };
    }

    private static void flag(StringBuilder sql, String option, boolean set) {
        if (set) {
            sql.append(",\n    ").append(option);
        }
    }
}
