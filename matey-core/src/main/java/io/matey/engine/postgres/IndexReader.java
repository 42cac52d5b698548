package io.matey.engine.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Indexes of dumped tables and materialized views, as {@code pg_get_indexdef} writes them. An index that
 * backs a constraint comes with the constraint, and a partition's index attached to its parent's index is
 * created by the parent's, so neither is created here; both can still carry a comment and settings: replica
 * identity, {@code CLUSTER ON}, the statistics targets of expression columns.
 */
final class IndexReader {

    private static final String SQL = """
            SELECT i.indexrelid, i.indrelid, i.indrelid::regclass::text AS relation, i.relation_type, i.name,
                   i.local_name, i.indisunique, i.indisreplident, i.indisclustered, i.partitioned, i.backs_constraint,
                   i.parent_index, i.plain_columns,
                   CASE WHEN NOT i.backs_constraint AND i.parent_index IS NULL THEN pg_get_indexdef(i.indexrelid) END
                       AS definition,
                   ARRAY(SELECT a.attnum || ' SET STATISTICS ' || COALESCE(a.attstattarget, -1) FROM pg_attribute a
                         LEFT JOIN pg_attribute p ON p.attrelid = i.parent_index AND p.attnum = a.attnum
                         WHERE a.attrelid = i.indexrelid AND (a.attstattarget >= 0 OR p.attstattarget >= 0)
                         ORDER BY a.attnum) AS statistics
            FROM (SELECT i.indexrelid, i.indrelid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                         quote_ident(c.relname) AS local_name, i.indisunique, i.indisreplident, i.indisclustered,
                         i.indexprs IS NULL AND i.indpred IS NULL AS plain_columns,
                         c.relkind = 'I' AS partitioned,
                         CASE t.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS relation_type,
                         EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid
                                 AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x')) AS backs_constraint,
                         (SELECT h.inhparent FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) AS parent_index
                  FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indexrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_class t ON t.oid = i.indrelid
                  WHERE i.indexrelid >= %d AND i.indexrelid <> %s AND %s) i
            """.formatted(Catalog.FIRST_USER_OID, InvalidIndex.DUMPED_OID, Catalog.USER_SCHEMA);

    private IndexReader() {
    }

    static void read(Catalog catalog, DumpGraph graph, DeparseEcho echo) throws SQLException {
        Map<DumpObject, Long> attached = new HashMap<>();
        catalog.query(SQL, row -> {
            DumpObject table = graph.owner("pg_class", row.getLong("indrelid"));
            if (table == null) {
                return;
            }
            String name = row.getString("name");
            long oid = row.getLong("indexrelid");
            DumpObject creator = table;
            if (row.getBoolean("backs_constraint")) {
                graph.commentable("pg_class", oid, 0, table, "3 " + name, "INDEX " + name);
            } else {
                creator = graph.create(Kind.INDEX, name);
                creator.dependOn(table);
                graph.register("pg_class", oid, creator, "INDEX " + name);
                long parent = row.getLong("parent_index");
                if (parent != 0) {
                    // created by its parent's CREATE INDEX: its settings and comment follow that one
                    attached.put(creator, parent);
                } else {
                    creator.add(definition(row, echo));
                }
            }
            String relation = row.getString("relation");
            if (row.getBoolean("indisreplident")) {
                creator.add("ALTER TABLE " + relation + " REPLICA IDENTITY USING INDEX " + row.getString("local_name"));
            }
            if (row.getBoolean("indisclustered")) {
                creator.add("ALTER " + row.getString("relation_type") + " " + relation + " CLUSTER ON "
                        + row.getString("local_name"));
            }
            // a parent's target reaches its partitions' indexes when set: one they reset comes back as -1
            for (String statistics : Catalog.strings(row, "statistics")) {
                creator.add("ALTER INDEX " + name + " ALTER COLUMN " + statistics);
            }
        });
        attached.forEach((index, parent) -> index.dependOn(graph.owner("pg_class", parent)));
    }

    private static String definition(ResultSet row, DeparseEcho echo) throws SQLException {
        String definition = row.getString("definition");
        int using = definition.indexOf(" USING ", definition.indexOf(" ON "));
        String tail = definition.substring(using);
        // without expressions or a predicate, nothing in the tail is deparsed: it loads back as it is
        return head(definition.substring(0, using), row.getString("local_name"), row.getBoolean("indisunique"),
                row.getBoolean("partitioned"))
                + (row.getBoolean("plain_columns") ? tail
                        : echo.indexTail(row.getString("relation"), tail, "index " + row.getString("name")));
    }

    /**
     * The index of a partitioned table is written {@code ON ONLY}, which would leave the partitions without
     * theirs when loaded; without {@code ONLY}, creating it creates and attaches theirs too. {@code definition}
     * is the head of the index definition, up to its access method.
     */
    private static String head(String definition, String localName, boolean unique, boolean partitioned) {
        String only = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + localName + " ON ONLY ";
        if (partitioned && definition.startsWith(only)) {
            return only.substring(0, only.length() - "ONLY ".length()) + definition.substring(only.length());
        }
        return definition;
    }
}
