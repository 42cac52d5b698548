package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Triggers of dumped tables and views, as {@code pg_get_triggerdef} writes them, with their enabled state.
 * Internal triggers (foreign keys) are not, nor the clones a partitioned table's trigger makes on partitions: only a
 * clone's state, where it is not its parent trigger's (docs/architecture.md §5).
 */
final class TriggerReader {

    private static final String SQL = """
            SELECT t.oid, t.tgrelid, t.tgrelid::regclass::text AS relation, quote_ident(t.tgname) AS name,
                   CASE WHEN t.tgparentid = 0 THEN pg_get_triggerdef(t.oid) END AS definition, t.tgenabled,
                   t.tgparentid, p.tgenabled AS parent_enabled
            FROM pg_trigger t LEFT JOIN pg_trigger p ON p.oid = t.tgparentid
            WHERE t.oid >= %d AND NOT t.tgisinternal
            """.formatted(Catalog.FIRST_USER_OID);

    /** A clone's state where it differs from its parent trigger's. */
    private record CloneState(long oid, long parent, long table, String relation, String name, String state) {
    }

    private TriggerReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        // the object that sets each trigger's state last, so that a clone's is set after its parents'
        Map<Long, DumpObject> stateSetters = new HashMap<>();
        List<CloneState> clones = new ArrayList<>();
        Map<Long, Long> parents = new HashMap<>();
        catalog.query(SQL, row -> {
            long oid = row.getLong("oid");
            long parent = row.getLong("tgparentid");
            String relation = row.getString("relation");
            String name = row.getString("name");
            String state = state(row.getString("tgenabled"));
            if (parent != 0) {
                parents.put(oid, parent);
                if (!row.getString("tgenabled").equals(row.getString("parent_enabled"))) {
                    clones.add(new CloneState(oid, parent, row.getLong("tgrelid"), relation, name,
                            state == null ? "ENABLE" : state));
                }
                return;
            }
            DumpObject table = graph.owner("pg_class", row.getLong("tgrelid"));
            if (table == null) {
                return;
            }
            DumpObject trigger = graph.create(Kind.TRIGGER, relation + "." + name);
            trigger.add(row.getString("definition"));
            if (state != null) {
                trigger.add("ALTER TABLE " + relation + " " + state + " TRIGGER " + name);
            }
            trigger.dependOn(table);
            stateSetters.put(oid, trigger);
            graph.register("pg_trigger", oid, trigger, "TRIGGER " + name + " ON " + relation);
        });
        for (CloneState clone : clones) {
            DumpObject table = graph.owner("pg_class", clone.table());
            if (table != null) {
                DumpObject state = graph.create(Kind.TRIGGER, clone.relation() + "." + clone.name());
                state.add("ALTER TABLE " + clone.relation() + " " + clone.state() + " TRIGGER " + clone.name());
                state.dependOn(table);
                stateSetters.put(clone.oid(), state);
            }
        }
        // without ONLY, a state statement reaches the partitions, whose own statements must follow it
        for (CloneState clone : clones) {
            DumpObject state = stateSetters.get(clone.oid());
            DumpObject setter = null;
            for (long parent = clone.parent(); state != null && setter == null && parent != 0;
                    parent = parents.getOrDefault(parent, 0L)) {
                setter = stateSetters.get(parent);
            }
            if (setter != null) {
                state.dependOn(setter);
            }
        }
    }

    private static String state(String enabled) {
        return switch (enabled) {
            case "D" -> "DISABLE";
            case "R" -> "ENABLE REPLICA";
            case "A" -> "ENABLE ALWAYS";
            default -> null;
        };
    }
}
