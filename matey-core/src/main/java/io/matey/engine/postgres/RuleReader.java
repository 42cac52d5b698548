package io.matey.engine.postgres;

import java.sql.SQLException;

/** Rewrite rules of dumped tables and views, as {@code pg_get_ruledef} writes them; a view's own rule is the view. */
final class RuleReader {

    private static final String SQL = """
            SELECT r.oid, r.ev_class, r.ev_class::regclass::text AS relation, quote_ident(r.rulename) AS name,
                   pg_get_ruledef(r.oid) AS definition, r.ev_enabled
            FROM pg_rewrite r
            WHERE r.oid >= %d AND r.rulename <> '_RETURN'
            """.formatted(Catalog.FIRST_USER_OID);

    private RuleReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            DumpObject table = graph.owner("pg_class", row.getLong("ev_class"));
            if (table == null) {
                return;
            }
            String relation = row.getString("relation");
            String name = row.getString("name");
            String definition = row.getString("definition").strip();
            DumpObject rule = graph.create(Kind.RULE, relation + "." + name);
            rule.add(definition.endsWith(";") ? definition.substring(0, definition.length() - 1) : definition);
            String state = switch (row.getString("ev_enabled")) {
                case "D" -> "DISABLE";
                case "R" -> "ENABLE REPLICA";
                case "A" -> "ENABLE ALWAYS";
                default -> null;
            };
            if (state != null) {
                rule.add("ALTER TABLE " + relation + " " + state + " RULE " + name);
            }
            rule.dependOn(table);
            graph.register("pg_rewrite", row.getLong("oid"), rule, "RULE " + name + " ON " + relation);
        });
    }
}
