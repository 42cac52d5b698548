package io.matey.engine.postgres;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the columns of every table, view and composite type in one query, in attnum order. */
final class ColumnReader {

    /**
     * The column options SQL can set, sorted: PostgreSQL defines {@code n_distinct} and {@code n_distinct_inherited}
     * only, and refuses any other name, while a server build may stamp entries of its own that no ALTER sets back
     * (the test server writes {@code pg_attver} on every column).
     */
    private static final String ATTRIBUTE_OPTIONS = "ARRAY(SELECT o FROM unnest(a.attoptions) o"
            + " WHERE split_part(o, '=', 1) IN ('n_distinct', 'n_distinct_inherited') ORDER BY o)";

    /** PostgreSQL 17 keeps a default statistics target as NULL, earlier versions as -1: both are read as -1. */
    static final String SQL = """
            SELECT a.attrelid, a.attrelid::regclass::text AS relation, a.attnum, quote_ident(a.attname) AS name, format_type(a.atttypid, a.atttypmod) AS type,
                   CASE WHEN a.attcollation <> t.typcollation THEN %s END AS collation,
                   a.attnotnull, a.attidentity, a.attgenerated = 's' AS generated, a.attislocal,
                   d.oid AS default_oid, pg_get_expr(d.adbin, d.adrelid) AS default_expression,
                   s.seq_oid, s.seq_name, s.seq_namespace = n.oid AND s.seq_relname = c.relname || '_' || a.attname || '_seq'
                       AS default_name,
                   s.seq_type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   %s AS storage, %s AS type_storage,
                   CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression,
                   COALESCE(a.attstattarget, -1) AS attstattarget, %s AS attribute_options, %s AS fdw_options
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN (
                SELECT i.refobjid, i.refobjsubid, i.objid AS seq_oid, quote_ident(sn.nspname) || '.' || quote_ident(sc.relname) AS seq_name,
                       sc.relnamespace AS seq_namespace, sc.relname AS seq_relname,
                       format_type(q.seqtypid, NULL) AS seq_type, q.seqstart, q.seqincrement, q.seqmin, q.seqmax,
                       q.seqcache, q.seqcycle
                FROM pg_depend i
                JOIN pg_sequence q ON q.seqrelid = i.objid
                JOIN pg_class sc ON sc.oid = q.seqrelid
                JOIN pg_namespace sn ON sn.oid = sc.relnamespace
                WHERE i.classid = 'pg_class'::regclass AND i.refclassid = 'pg_class'::regclass AND i.deptype = 'i'
            ) s ON a.attidentity <> '' AND s.refobjid = a.attrelid AND s.refobjsubid = a.attnum
            WHERE a.attrelid >= %d AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'c')
              AND %s
            ORDER BY a.attrelid, a.attnum
            """.formatted(Catalog.collationName("a.attcollation"), storageName("a.attstorage"),
            storageName("t.typstorage"), ATTRIBUTE_OPTIONS, Catalog.options("a.attfdwoptions"), Catalog.FIRST_USER_OID, Catalog.USER_SCHEMA);

    private ColumnReader() {
    }

    private static String storageName(String code) {
        return "CASE " + code + " WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END";
    }

    /** Columns by relation OID; defaults and generation expressions come as the echo's placeholders. */
    static Map<Long, List<Column>> read(Catalog catalog, DeparseEcho echo) throws SQLException {
        Map<Long, List<Column>> columns = new HashMap<>();
        catalog.query(SQL, row -> {
            String identity = row.getString("attidentity");
            boolean isIdentity = !identity.isEmpty();
            String label = "column " + row.getString("relation") + "." + row.getString("name");
            String expression = row.getBoolean("generated")
                    ? echo.generated(row.getString("relation"), row.getString("type"),
                            row.getString("default_expression"), label)
                    : echo.columnDefault(row.getString("type"), row.getString("default_expression"), label);
            Column column = new Column(row.getLong("attrelid"), row.getInt("attnum"), row.getString("name"),
                    row.getString("type"), row.getString("collation"), row.getBoolean("attnotnull"),
                    isIdentity ? identity.charAt(0) : 0, row.getBoolean("generated"), row.getBoolean("attislocal"),
                    row.getLong("default_oid"), expression,
                    isIdentity ? row.getString("seq_name") : null, isIdentity ? row.getLong("seq_oid") : 0,
                    isIdentity && !row.getBoolean("default_name"),
                    isIdentity ? SequenceOptions.read(row) : null, row.getString("storage"),
                    row.getString("type_storage"), row.getString("compression"), row.getInt("attstattarget"),
                    Catalog.strings(row, "attribute_options"), Catalog.strings(row, "fdw_options"));
            columns.computeIfAbsent(column.relid(), k -> new ArrayList<>()).add(column);
        });
        return columns;
    }
}
