package io.matey.engine.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Operators. A commutator or negator named before it exists is created by PostgreSQL as a shell that the
 * later CREATE OPERATOR fills in, so pairs load in any order; a shell never filled in is created again by the
 * operator naming it, which therefore carries its comment. No SQL creates a shell on its own, so one that no
 * operator names any longer is refused ({@link UnsupportedObjects}).
 */
final class OperatorReader {

    private static final String SQL = """
            SELECT o.oid, quote_ident(n.nspname) || '.' || o.oprname AS name,
                   CASE WHEN o.oprleft <> 0 THEN format_type(o.oprleft, NULL) END AS leftarg,
                   format_type(o.oprright, NULL) AS rightarg, o.oprcode::regproc::text AS function,
                   CASE WHEN o.oprcom <> 0 THEN 'OPERATOR(' || o.oprcom::regoper::text || ')' END AS commutator,
                   CASE WHEN o.oprnegate <> 0 THEN 'OPERATOR(' || o.oprnegate::regoper::text || ')' END AS negator,
                   NULLIF(o.oprrest, 0)::regproc::text AS restrict, NULLIF(o.oprjoin, 0)::regproc::text AS join,
                   o.oprcanhash, o.oprcanmerge
            FROM pg_operator o
            JOIN pg_namespace n ON n.oid = o.oprnamespace
            WHERE o.oid >= %d AND o.oprcode <> 0 AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_operator", "o.oid"));

    private static final String SHELLS = """
            SELECT s.oid, quote_ident(n.nspname) || '.' || s.oprname || ' (' || format_type(s.oprleft, NULL) || ', '
                   || format_type(s.oprright, NULL) || ')' AS signature,
                   (SELECT o.oid FROM pg_operator o WHERE o.oprcode <> 0 AND s.oid IN (o.oprcom, o.oprnegate)
                    ORDER BY o.oid::regoperator::text LIMIT 1) AS named_by
            FROM pg_operator s
            JOIN pg_namespace n ON n.oid = s.oprnamespace
            WHERE s.oid >= %d AND s.oprcode = 0 AND %s AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_operator", "s.oid"));

    private OperatorReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String left = row.getString("leftarg");
            String signature = row.getString("name") + " (" + (left == null ? "NONE" : left) + ", "
                    + row.getString("rightarg") + ")";
            DumpObject operator = graph.create(Kind.OPERATOR, signature);
            operator.add(definition(row, left));
            graph.register("pg_operator", row.getLong("oid"), operator, "OPERATOR " + signature);
        });
        catalog.query(SHELLS, row -> {
            DumpObject namedBy = graph.owner("pg_operator", row.getLong("named_by"));
            if (namedBy != null) {
                String signature = row.getString("signature");
                graph.own("pg_operator", row.getLong("oid"), namedBy);
                graph.commentable("pg_operator", row.getLong("oid"), 0, namedBy, "1 " + signature,
                        "OPERATOR " + signature);
            }
        });
    }

    private static String definition(ResultSet row, String left) throws SQLException {
        StringBuilder sql = new StringBuilder("CREATE OPERATOR ").append(row.getString("name"))
                .append(" (\n    FUNCTION = ").append(row.getString("function"));
        Catalog.option(sql, "LEFTARG", left);
        Catalog.option(sql, "RIGHTARG", row.getString("rightarg"));
        Catalog.option(sql, "COMMUTATOR", row.getString("commutator"));
        Catalog.option(sql, "NEGATOR", row.getString("negator"));
        Catalog.option(sql, "RESTRICT", row.getString("restrict"));
        Catalog.option(sql, "JOIN", row.getString("join"));
        if (row.getBoolean("oprcanhash")) {
            sql.append(",\n    HASHES");
        }
        if (row.getBoolean("oprcanmerge")) {
            sql.append(",\n    MERGES");
        }
        return sql.append("\n)").toString();
    }
}
