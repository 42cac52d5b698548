package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.List;

/** Event triggers, with their tag filter and enabled state. */
final class EventTriggerReader {

    private static final String SQL = """
            SELECT e.oid, quote_ident(e.evtname) AS name, e.evtevent, e.evtfoid::regproc::text AS function,
                   e.evtenabled, ARRAY(SELECT quote_literal(t) FROM unnest(e.evttags) t ORDER BY 1) AS tags
            FROM pg_event_trigger e
            WHERE e.oid >= %d AND %s
            """.formatted(Catalog.FIRST_USER_OID, Catalog.notInExtension("pg_event_trigger", "e.oid"));

    private EventTriggerReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            String name = row.getString("name");
            StringBuilder sql = new StringBuilder("CREATE EVENT TRIGGER ").append(name).append(" ON ")
                    .append(row.getString("evtevent"));
            List<String> tags = Catalog.strings(row, "tags");
            if (!tags.isEmpty()) {
                sql.append("\n    WHEN TAG IN (").append(String.join(", ", tags)).append(')');
            }
            sql.append("\n    EXECUTE FUNCTION ").append(row.getString("function")).append("()");
            DumpObject trigger = graph.create(Kind.EVENT_TRIGGER, name);
            trigger.add(sql.toString());
            String state = switch (row.getString("evtenabled")) {
                case "D" -> "DISABLE";
                case "R" -> "ENABLE REPLICA";
                case "A" -> "ENABLE ALWAYS";
                default -> null;
            };
            if (state != null) {
                trigger.add("ALTER EVENT TRIGGER " + name + " " + state);
            }
            graph.register("pg_event_trigger", row.getLong("oid"), trigger, "EVENT TRIGGER " + name);
        });
    }
}
