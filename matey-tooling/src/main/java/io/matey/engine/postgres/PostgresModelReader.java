package io.matey.engine.postgres;

import io.matey.codegen.model.CheckConstraint;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.Exclusion;
import io.matey.codegen.model.ForeignKey;
import io.matey.codegen.model.Index;
import io.matey.codegen.model.Table;
import io.matey.codegen.model.UniqueConstraint;
import io.matey.codegen.reader.SqlTokens;
import io.matey.engine.MigrationTable;
import io.matey.engine.Rows;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL through pg_catalog, one query per kind. Partitions are left out (the partitioned parent is what an
 * application maps, with its partition key as a table option; migrations create the partitions), and so are objects that belong to extensions. No relation is in a tablespace of its own:
 * the dump refuses them ({@code UnsupportedObjects}) before codegen reads the scratch database.
 */
final class PostgresModelReader {

    /** The relations of the model, as a sub-select of oids. */
    private static final String RELATIONS = "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition "
            + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_' "
            + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')";

    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('(.+)'::regclass\\)$");
    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8");

    /** Whether index {@code i} is NULLS NOT DISTINCT: read through jsonb, as servers before 15 lack the column. */
    private static final String NULLS_NOT_DISTINCT = "COALESCE((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false)";

    /** @param partitionBy a partitioned table's {@code pg_get_partkeydef}, {@code RANGE (occurred_at)}, else null */
    private record Relation(String schema, String name, boolean view, String comment, String partitionBy) {
    }

    /** A partitioned table's option, as its DDL names it; {@link PostgresCodegen} turns it into a keyword. */
    static final String PARTITION_BY = "PARTITION BY ";

    /** @param collation the column's collation, {@code attcollation} */
    private record RawColumn(String name, long type, int typmod, boolean notNull, String defaultSql, String identity,
            String generated, String comment, String declared, Long seqStart, Long seqIncrement, String ownedSequence,
            PgTypes.Collation collation) {
    }

    private static final class Parts {
        final List<RawColumn> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Exclusion> exclusions = new ArrayList<>();
        String primaryKeyName;
    }

    List<Table> read(Connection connection) throws SQLException {
        String defaultSchema = single(connection, "SELECT current_schema()");
        PgTypes types = PgTypes.load(connection, defaultSchema);
        Map<Long, Relation> relations = new LinkedHashMap<>();
        Map<Long, Parts> parts = new LinkedHashMap<>();
        Rows.forEach(connection, "SELECT c.oid, n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class'), "
                + "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid IN (" + RELATIONS + ")", rs -> {
                    String schema = rs.getString(2);
                    String name = rs.getString(3);
                    String kind = rs.getString(4);
                    boolean isDefault = schema.equals(defaultSchema);
                    if (!(isDefault && name.equals(MigrationTable.NAME))) {
                        relations.put(rs.getLong(1), new Relation(isDefault ? null : schema, name,
                                kind.equals("v") || kind.equals("m"), rs.getString(5), rs.getString(6)));
                        parts.put(rs.getLong(1), new Parts());
                    }
                });
        readColumns(connection, parts);
        readConstraints(connection, parts, defaultSchema);
        readIndexes(connection, parts);
        List<Table> tables = new ArrayList<>();
        relations.forEach((oid, relation) -> tables.add(table(relation, parts.get(oid), types, defaultSchema)));
        return tables;
    }

    private static void readColumns(Connection connection, Map<Long, Parts> parts) throws SQLException {
        Rows.forEach(connection, "SELECT a.attrelid, a.attname, a.atttypid, a.atttypmod, a.attnotnull, "
                + "pg_get_expr(d.adbin, d.adrelid, true), a.attidentity, a.attgenerated, "
                + "col_description(a.attrelid, a.attnum), format_type(a.atttypid, a.atttypmod), "
                + "seq.seqstart, seq.seqincrement, seq.qualified, a.attcollation, "
                + "CASE WHEN cn.nspname NOT IN ('pg_catalog', current_schema()) THEN cn.nspname END, co.collname "
                + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "LEFT JOIN pg_collation co ON co.oid = a.attcollation "
                + "LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace "
                // The sequence a serial or identity column owns; indexes also depend on columns, hence relkind 'S'.
                + "LEFT JOIN LATERAL (SELECT s.seqstart, s.seqincrement, sc.oid::regclass::text AS qualified "
                + "  FROM pg_depend dep JOIN pg_class sc ON sc.oid = dep.objid AND sc.relkind = 'S' "
                + "  JOIN pg_sequence s ON s.seqrelid = sc.oid "
                + "  WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass "
                + "  AND dep.refobjid = a.attrelid AND dep.refobjsubid = a.attnum AND dep.deptype IN ('a', 'i') "
                + "  ORDER BY sc.relname LIMIT 1) seq ON true "
                + "WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN (" + RELATIONS + ") "
                + "ORDER BY a.attrelid, a.attnum", rs -> {
                    Parts table = parts.get(rs.getLong(1));
                    if (table != null) {
                        table.columns.add(new RawColumn(rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getBoolean(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                (Long) rs.getObject(11), (Long) rs.getObject(12), rs.getString(13),
                                new PgTypes.Collation(rs.getLong(14), rs.getString(15), rs.getString(16))));
                    }
                });
    }

    private static void readConstraints(Connection connection, Map<Long, Parts> parts, String defaultSchema) throws SQLException {
        Rows.forEach(connection, "SELECT con.conrelid, con.conname, con.contype, " + names("con.conkey", "con.conrelid") + ", "
                + "rn.nspname, rc.relname, " + names("con.confkey", "con.confrelid") + ", con.confupdtype, con.confdeltype, "
                + "pg_get_constraintdef(con.oid, true), " + NULLS_NOT_DISTINCT + ", con.condeferrable, con.condeferred "
                + "FROM pg_constraint con LEFT JOIN pg_class rc ON rc.oid = con.confrelid "
                + "LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace "
                + "LEFT JOIN pg_index i ON i.indexrelid = con.conindid AND con.contype = 'u' "
                + "WHERE con.contype IN ('p', 'u', 'f', 'c') AND con.conrelid IN (" + RELATIONS + ") "
                + "ORDER BY con.conrelid, con.conname", rs -> {
                    Parts table = parts.get(rs.getLong(1));
                    if (table == null) {
                        return;
                    }
                    String name = rs.getString(2);
                    List<String> columns = strings(rs.getArray(4));
                    switch (rs.getString(3)) {
                        case "p" -> {
                            table.primaryKey.addAll(columns);
                            table.primaryKeyName = name;
                        }
                        case "u" -> table.uniques.add(new UniqueConstraint(name, columns, rs.getBoolean(11)));
                        case "f" -> {
                            String refSchema = rs.getString(5);
                            table.foreignKeys.add(new ForeignKey(name, columns,
                                    refSchema.equals(defaultSchema) ? null : refSchema, rs.getString(6),
                                    strings(rs.getArray(7)), action(rs.getString(8)), action(rs.getString(9)),
                                    rs.getBoolean(12), rs.getBoolean(13)));
                        }
                        default -> table.checks.add(new CheckConstraint(name, checkExpression(rs.getString(10))));
                    }
                });
    }

    private static String names(String attnums, String relation) {
        return "ARRAY(SELECT a.attname::text FROM unnest(" + attnums + ") WITH ORDINALITY k(num, ord) "
                + "JOIN pg_attribute a ON a.attrelid = " + relation + " AND a.attnum = k.num ORDER BY k.ord)";
    }

    private static void readIndexes(Connection connection, Map<Long, Parts> parts) throws SQLException {
        Rows.forEach(connection, "SELECT i.indrelid, ic.relname, i.indisunique, am.amname, pg_get_expr(i.indpred, i.indrelid, true), "
                + "ARRAY(SELECT a.attname::text FROM generate_series(1, i.indnkeyatts) k "
                + "  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1] ORDER BY k), "
                + "ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k), "
                + "pg_get_indexdef(i.indexrelid, 0, true), "
                + "ARRAY(SELECT a.attname::text FROM generate_series(i.indnkeyatts + 1, i.indnatts) k "
                + "  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1] ORDER BY k), "
                + "ic.reloptions, " + NULLS_NOT_DISTINCT + ", x.conname, "
                + "ARRAY(SELECT o.oprname::text FROM unnest(x.conexclop) WITH ORDINALITY e(op, ord) "
                + "  JOIN pg_operator o ON o.oid = e.op ORDER BY e.ord) "
                + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
                // an exclusion constraint's index has its key parts: the constraint is read with them
                + "LEFT JOIN pg_constraint x ON x.conindid = i.indexrelid AND x.contype = 'x' "
                + "WHERE NOT i.indisprimary AND i.indrelid IN (" + RELATIONS + ") "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u')) "
                + "ORDER BY ic.relname", rs -> {
                    Parts table = parts.get(rs.getLong(1));
                    if (table == null) {
                        return;
                    }
                    Object[] columns = (Object[]) rs.getArray(6).getArray();
                    Object[] definitions = (Object[]) rs.getArray(7).getArray();
                    List<String> options = PgIndexOptions.of(rs.getString(8), strings(rs.getArray(7)));
                    List<Index.Part> keyParts = new ArrayList<>();
                    for (int k = 0; k < columns.length; k++) {
                        keyParts.add(new Index.Part((String) columns[k], columns[k] == null ? (String) definitions[k] : null,
                                options.get(k)));
                    }
                    String method = rs.getString(4);
                    if (rs.getString(12) != null) {
                        List<String> operators = strings(rs.getArray(13));
                        List<Exclusion.Element> elements = new ArrayList<>();
                        for (int k = 0; k < keyParts.size(); k++) {
                            elements.add(new Exclusion.Element(keyParts.get(k), operators.get(k)));
                        }
                        table.exclusions.add(new Exclusion(rs.getString(12), method, elements, rs.getString(5)));
                        return;
                    }
                    table.indexes.add(new Index(rs.getString(2), rs.getBoolean(3), keyParts, rs.getString(5),
                            method.equals("btree") ? null : method, Map.of(), strings(rs.getArray(9)),
                            storage(strings(rs.getArray(10))), rs.getBoolean(11)));
                });
    }

    private static Table table(Relation relation, Parts parts, PgTypes types, String defaultSchema) {
        List<Column> columns = new ArrayList<>();
        for (RawColumn raw : parts.columns) {
            PgTypes.Resolved resolved = types.resolve(raw.type(), raw.typmod(), raw.declared(), raw.collation());
            columns.add(column(relation, raw, resolved, parts.primaryKey, defaultSchema));
        }
        // PostgreSQL names an unnamed primary key <table>_pkey, as it does SQLAlchemy's; only another name is kept.
        String keyName = relation.name().concat("_pkey").equals(parts.primaryKeyName) ? null : parts.primaryKeyName;
        return new Table(relation.schema(), relation.name(), relation.view(), relation.comment(), columns,
                List.copyOf(parts.primaryKey), parts.foreignKeys, parts.uniques, parts.checks, parts.indexes, keyName,
                parts.exclusions, relation.partitionBy() == null ? Set.of() : Set.of(PARTITION_BY + relation.partitionBy()));
    }

    /** {@code reloptions} ({@code fillfactor=70}) as parameter name and value text. */
    private static Map<String, String> storage(List<String> reloptions) {
        Map<String, String> storage = new LinkedHashMap<>();
        for (String option : reloptions) {
            int eq = option.indexOf('=');
            storage.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return storage;
    }

    private static Column column(Relation relation, RawColumn raw, PgTypes.Resolved resolved, List<String> primaryKey,
            String defaultSchema) {
        // A view's column is NULL from an outer join whatever its domain says: PostgreSQL checks a domain's NOT
        // NULL only where a value is stored.
        boolean domainNotNull = resolved.domainNotNull() && !relation.view();
        boolean nullable = !raw.notNull() && !domainNotNull && !primaryKey.contains(raw.name());
        if (!raw.identity().isEmpty()) {
            return new Column(raw.name(), resolved.type(), nullable, null, null, false,
                    new Column.Identity(raw.identity().equals("a"), raw.seqStart(), raw.seqIncrement()), null, raw.comment());
        }
        if (!raw.generated().isEmpty()) {
            return new Column(raw.name(), resolved.type(), nullable, null, null, false, null,
                    new Column.Generated(raw.defaultSql(), true), raw.comment());
        }
        String defaultSql = raw.defaultSql() != null ? raw.defaultSql() : resolved.domainDefault();
        Matcher nextval = NEXTVAL.matcher(defaultSql == null ? "" : defaultSql);
        if (nextval.matches()) {
            String sequence = nextval.group(1);
            // A serial key: an integer primary key drawing from the sequence it owns. SQLAlchemy renders exactly
            // that for an integer key column, so the default is implied.
            boolean serial = sequence.equals(raw.ownedSequence()) && primaryKey.equals(List.of(raw.name()))
                    && INTEGERS.contains(resolved.type().name());
            return new Column(raw.name(), resolved.type(), nullable, null, serial ? null : sequence(sequence), serial, null, null,
                    raw.comment());
        }
        return new Column(raw.name(), resolved.type(), nullable, defaultSql, null, false, null, null, raw.comment());
    }

    /** {@code billing.ticket_seq} or {@code "Odd.Name"} (a regclass as PostgreSQL prints it) → the sequence. */
    private static Column.Sequence sequence(String regclass) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < regclass.length(); i++) {
            char c = regclass.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < regclass.length() && regclass.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return Column.Sequence.named(parts.size() > 1 ? parts.get(parts.size() - 2) : null, parts.get(parts.size() - 1));
    }

    private static String action(String code) {
        return switch (code == null ? "a" : code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> null;
        };
    }

    /** {@code CHECK ((a > 0)) NOT VALID} → {@code (a > 0)}: the expression inside the outer parentheses. */
    static String checkExpression(String definition) {
        List<SqlTokens.Token> tokens = SqlTokens.tokenize(definition);
        int open = SqlTokens.nextOpen(tokens, 0);
        int close = SqlTokens.closing(tokens, open);
        return definition.substring(tokens.get(open).end(), tokens.get(close).start()).strip();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }


    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
