package io.matey.engine.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Indexes of dumped tables and materialized views, as {@code pg_get_indexdef} writes them. An index that backs a
 * constraint comes with the constraint, so it is not created here; it can still carry a comment and settings:
 * replica identity, {@code CLUSTER ON}, the statistics targets of expression columns. Partitioned indexes are
 * written as pg_dump writes them (docs/architecture.md §5): the parent's {@code ON ONLY}, each partition's index
 * under its own name, then {@code ALTER INDEX parent ATTACH PARTITION child}, so a parent a migration left
 * invalid (a partition without its index) loads back invalid, and a renamed partition index keeps its name.
 */
final class IndexReader {

    static final String SQL = """
            SELECT i.indexrelid, i.indrelid, i.indrelid::regclass::text AS relation, i.relation_type, i.name,
                   i.local_name, i.indisreplident, i.indisclustered, i.backs_constraint,
                   i.plain_columns, CASE WHEN NOT i.backs_constraint THEN pg_get_indexdef(i.indexrelid) END AS definition,
                   i.parent_index,
                   (SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = i.parent_index) AS parent_name,
                   EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.parent_index
                           AND co.contype IN ('p', 'u', 'x')) AS parent_backs_constraint,
                   ARRAY(SELECT a.attnum || ' SET STATISTICS ' || COALESCE(a.attstattarget, -1) FROM pg_attribute a
                         LEFT JOIN pg_attribute p ON p.attrelid = i.parent_index AND p.attnum = a.attnum
                         WHERE a.attrelid = i.indexrelid AND (a.attstattarget >= 0 OR p.attstattarget >= 0)
                         ORDER BY a.attnum) AS statistics
            FROM (SELECT i.indexrelid, i.indrelid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                         quote_ident(c.relname) AS local_name, i.indisreplident, i.indisclustered,
                         i.indexprs IS NULL AND i.indpred IS NULL AS plain_columns,
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
            DumpObject attacher = null;
            if (row.getBoolean("backs_constraint")) {
                graph.commentable("pg_class", oid, 0, table, "3 " + name, "INDEX " + name);
                // a constraint attached to its parent's is created by it (PARTITION OF), and so is its index
                if (row.getLong("parent_index") != 0 && !row.getBoolean("parent_backs_constraint")) {
                    attacher = graph.create(Kind.INDEX, name);
                    attacher.dependOn(table);
                }
            } else {
                creator = graph.create(Kind.INDEX, name);
                creator.dependOn(table);
                graph.register("pg_class", oid, creator, "INDEX " + name);
                creator.add(definition(row, echo));
                attacher = row.getLong("parent_index") != 0 ? creator : null;
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
            // once both exist (it depends on the parent's index); the last partition's index attached validates it
            if (attacher != null) {
                attacher.add("ALTER INDEX " + row.getString("parent_name") + " ATTACH PARTITION " + name);
                attached.put(attacher, row.getLong("parent_index"));
            }
        });
        attached.forEach((index, parent) -> index.dependOn(graph.owner("pg_class", parent)));
    }

    private static String definition(ResultSet row, DeparseEcho echo) throws SQLException {
        String definition = row.getString("definition");
        int using = definition.indexOf(" USING ", definition.indexOf(" ON "));
        String tail = definition.substring(using);
        // without expressions or a predicate, nothing in the tail is deparsed: it loads back as it is
        return definition.substring(0, using)
                + (row.getBoolean("plain_columns") ? tail
                        : echo.indexTail(row.getString("relation"), tail, "index " + row.getString("name")));
    }
}
