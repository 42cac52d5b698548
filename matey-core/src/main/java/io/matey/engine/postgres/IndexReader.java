package io.matey.engine.postgres;

import java.sql.SQLException;

/**
 * Indexes of dumped tables and materialized views, as {@code pg_get_indexdef} writes them. An index that
 * backs a constraint comes with the constraint, and a partition's index attached to its parent's index is
 * created by the parent's, so neither is created here; both can still carry a comment.
 */
final class IndexReader {

    private static final String SQL = """
            SELECT i.indexrelid, i.indrelid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                   quote_ident(c.relname) AS local_name, i.indisunique, c.relkind = 'I' AS partitioned,
                   pg_get_indexdef(i.indexrelid) AS definition,
                   EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.conrelid = i.indrelid
                           AND co.contype IN ('p', 'u', 'x')) AS backs_constraint,
                   EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid) AS attached
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE i.indexrelid >= %d
            """.formatted(Catalog.FIRST_USER_OID);

    private IndexReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        catalog.query(SQL, row -> {
            DumpObject table = graph.owner("pg_class", row.getLong("indrelid"));
            if (table == null) {
                return;
            }
            String name = row.getString("name");
            long oid = row.getLong("indexrelid");
            if (row.getBoolean("backs_constraint") || row.getBoolean("attached")) {
                graph.commentable("pg_class", oid, 0, table, "3 " + name, "INDEX " + name);
                return;
            }
            DumpObject index = graph.create(Kind.INDEX, name);
            index.add(definition(row.getString("definition"), row.getString("local_name"),
                    row.getBoolean("indisunique"), row.getBoolean("partitioned")));
            index.dependOn(table);
            graph.register("pg_class", oid, index, "INDEX " + name);
        });
    }

    /**
     * The index of a partitioned table is written {@code ON ONLY}, which would leave the partitions without
     * theirs when loaded; without {@code ONLY}, creating it creates and attaches theirs too.
     */
    static String definition(String definition, String localName, boolean unique, boolean partitioned) {
        String only = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + localName + " ON ONLY ";
        if (partitioned && definition.startsWith(only)) {
            return only.substring(0, only.length() - "ONLY ".length()) + definition.substring(only.length());
        }
        return definition;
    }
}
