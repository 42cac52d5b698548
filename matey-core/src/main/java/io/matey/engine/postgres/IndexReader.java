package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Indexes of dumped tables and materialized views, as {@code pg_get_indexdef} writes them. An index that
 * backs a constraint comes with the constraint, and a partition's index attached to its parent's index is
 * created by the parent's, so neither is created here; both can still carry a comment.
 */
final class IndexReader {

    private static final String SQL = """
            SELECT i.indexrelid, i.indrelid, i.indrelid::regclass::text AS relation, i.name, i.local_name, i.indisunique,
                   i.indisreplident, i.partitioned, i.created_elsewhere, i.plain_columns,
                   CASE WHEN NOT i.created_elsewhere THEN pg_get_indexdef(i.indexrelid) END AS definition
            FROM (SELECT i.indexrelid, i.indrelid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                         quote_ident(c.relname) AS local_name, i.indisunique, i.indisreplident,
                         i.indexprs IS NULL AND i.indpred IS NULL AS plain_columns,
                         c.relkind = 'I' AS partitioned,
                         EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid
                                 AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x'))
                         OR EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) AS created_elsewhere
                  FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indexrelid
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE i.indexrelid >= %d AND %s) i
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA);

    private IndexReader() {
    }

    static void read(Catalog catalog, DumpGraph graph, DeparseEcho echo) throws SQLException {
        catalog.query(SQL, row -> {
            DumpObject table = graph.owner("pg_class", row.getLong("indrelid"));
            if (table == null) {
                return;
            }
            String name = row.getString("name");
            long oid = row.getLong("indexrelid");
            DumpObject creator = table;
            if (row.getBoolean("created_elsewhere")) {
                graph.commentable("pg_class", oid, 0, table, "3 " + name, "INDEX " + name);
            } else {
                creator = graph.create(Kind.INDEX, name);
                String definition = row.getString("definition");
                int using = definition.indexOf(" USING ", definition.indexOf(" ON "));
                String tail = definition.substring(using);
                // without expressions or a predicate, nothing in the tail is deparsed: it loads back as it is
                creator.add(definition(definition.substring(0, using), row.getString("local_name"),
                        row.getBoolean("indisunique"), row.getBoolean("partitioned"))
                        + (row.getBoolean("plain_columns") ? tail
                                : echo.indexTail(row.getString("relation"), tail, "index " + name)));
                creator.dependOn(table);
                graph.register("pg_class", oid, creator, "INDEX " + name);
            }
            if (row.getBoolean("indisreplident")) {
                creator.add("ALTER TABLE " + row.getString("relation") + " REPLICA IDENTITY USING INDEX "
                        + row.getString("local_name"));
            }
        });
    }

    /**
     * The index of a partitioned table is written {@code ON ONLY}, which would leave the partitions without
     * theirs when loaded; without {@code ONLY}, creating it creates and attaches theirs too. {@code definition}
     * is the head of the index definition, up to its access method.
     */
    private static String definition(String definition, String localName, boolean unique, boolean partitioned) {
        String only = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + localName + " ON ONLY ";
        if (partitioned && definition.startsWith(only)) {
            return only.substring(0, only.length() - "ONLY ".length()) + definition.substring(only.length());
        }
        return definition;
    }
}
