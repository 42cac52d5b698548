package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences with all their options (not their current value, which is data). A sequence owned by a column
 * ({@code serial}, {@code OWNED BY}) is created before the table whose default uses it, and the table then
 * takes ownership. Identity sequences belong to their column and are not listed. Runs after the tables.
 */
final class SequenceReader {

    private static final String SQL = """
            SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
                   c.relpersistence = 'u' AS unlogged, format_type(s.seqtypid, NULL) AS seq_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   o.refobjid AS owner_oid, o.refobjid::regclass::text || '.' || quote_ident(a.attname) AS owner_column
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_depend o ON o.classid = 'pg_class'::regclass AND o.objid = c.oid
                 AND o.refclassid = 'pg_class'::regclass AND o.refobjsubid > 0 AND o.deptype = 'a'
            LEFT JOIN pg_attribute a ON a.attrelid = o.refobjid AND a.attnum = o.refobjsubid
            WHERE c.oid >= %d AND %s AND %s
              AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid
                              AND i.deptype = 'i')
            """.formatted(Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA, Catalog.notInExtension("pg_class", "c.oid"));

    private record Sequence(long oid, String name, boolean unlogged, SequenceOptions options, long ownerOid,
            String ownerColumn) {
    }

    private SequenceReader() {
    }

    static void read(Catalog catalog, DumpGraph graph) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        catalog.query(SQL, row -> sequences.add(new Sequence(row.getLong("oid"), row.getString("name"),
                row.getBoolean("unlogged"), SequenceOptions.read(row), row.getLong("owner_oid"),
                row.getString("owner_column"))));
        // a table owning several sequences lists them by name (a lambda of its own: Comparator.comparing's is spun
        // by every process, docs/architecture.md §8)
        sequences.sort((a, b) -> a.name().compareTo(b.name()));
        for (Sequence sequence : sequences) {
            DumpObject object = graph.create(Kind.SEQUENCE, sequence.name());
            object.add("CREATE " + (sequence.unlogged() ? "UNLOGGED " : "") + "SEQUENCE " + sequence.name()
                    + sequence.options().all());
            graph.register("pg_class", sequence.oid(), object, "SEQUENCE " + sequence.name());
            DumpObject owner = graph.owner("pg_class", sequence.ownerOid());
            if (owner != null) {
                owner.add("ALTER SEQUENCE " + sequence.name() + " OWNED BY " + sequence.ownerColumn());
                owner.dependOn(object);
            }
        }
    }
}
