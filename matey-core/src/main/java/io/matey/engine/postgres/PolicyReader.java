package io.matey.engine.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Row-level security policies, rebuilt from {@code pg_policy}; defaults (PERMISSIVE, ALL, PUBLIC) are left out. */
final class PolicyReader {

    private static final String SQL = """
            SELECT p.oid, p.polrelid, p.polrelid::regclass::text AS relation, quote_ident(p.polname) AS name,
                   p.polcmd, p.polpermissive,
                   ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(r)) END
                         FROM unnest(p.polroles) r) AS roles,
                   pg_get_expr(p.polqual, p.polrelid) AS using_expression,
                   pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression
            FROM pg_policy p
            WHERE p.oid >= %d
            """.formatted(Catalog.FIRST_USER_OID);

    private PolicyReader() {
    }

    static void read(Catalog catalog, DumpGraph graph, DeparseEcho echo) throws SQLException {
        catalog.query(SQL, row -> {
            DumpObject table = graph.owner("pg_class", row.getLong("polrelid"));
            if (table == null) {
                return;
            }
            String relation = row.getString("relation");
            String name = row.getString("name");
            DumpObject policy = graph.create(Kind.POLICY, relation + "." + name);
            policy.add(definition(row, relation, name, echo));
            policy.dependOn(table);
            graph.register("pg_policy", row.getLong("oid"), policy, "POLICY " + name + " ON " + relation);
        });
    }

    private static String definition(ResultSet row, String relation, String name, DeparseEcho echo)
            throws SQLException {
        String label = "policy " + name + " on " + relation;
        String using = echo.policyUsing(relation, row.getString("using_expression"), label);
        String check = echo.policyCheck(relation, row.getString("check_expression"), label);
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(name).append(" ON ").append(relation);
        if (!row.getBoolean("polpermissive")) {
            sql.append(" AS RESTRICTIVE");
        }
        String command = switch (row.getString("polcmd")) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> null;
        };
        if (command != null) {
            sql.append(" FOR ").append(command);
        }
        List<String> roles = Catalog.strings(row, "roles");
        roles.sort(null);
        if (!roles.equals(List.of("PUBLIC"))) {
            sql.append(" TO ").append(String.join(", ", roles));
        }
        if (using != null) {
            sql.append(" USING (").append(using).append(')');
        }
        if (check != null) {
            sql.append(" WITH CHECK (").append(check).append(')');
        }
        return sql.toString();
    }
}
