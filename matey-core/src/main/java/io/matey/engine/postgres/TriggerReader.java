package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Triggers of dumped tables and views, as {@code pg_get_triggerdef} writes them, with their enabled state.
 * Internal triggers (foreign keys) and the clones a partitioned table's trigger makes on partitions are not.
 */
final class TriggerReader {

    private static final String SQL = """
            SELECT t.oid, t.tgrelid, t.tgrelid::regclass::text AS relation, quote_ident(t.tgname) AS name,
                   pg_get_triggerdef(t.oid) AS definition, t.tgenabled
            FROM pg_trigger t
            WHERE t.oid >= %d AND NOT t.tgisinternal AND t.tgparentid = 0
            """.formatted(Catalog.FIRST_USER_OID);

    private TriggerReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            DumpObject table = graph.owner("pg_class", row.getLong("tgrelid"));
            if (table == null) {
                return;
            }
            String relation = row.getString("relation");
            String name = row.getString("name");
            DumpObject trigger = graph.create(Kind.TRIGGER, relation + "." + name);
            trigger.add(row.getString("definition"));
            String state = switch (row.getString("tgenabled")) {
                case "D" -> "DISABLE";
                case "R" -> "ENABLE REPLICA";
                case "A" -> "ENABLE ALWAYS";
                default -> null;
            };
            if (state != null) {
                trigger.add("ALTER TABLE " + relation + " " + state + " TRIGGER " + name);
            }
            trigger.dependOn(table);
            graph.register("pg_trigger", row.getLong("oid"), trigger, "TRIGGER " + name + " ON " + relation);
        });
    }
}
