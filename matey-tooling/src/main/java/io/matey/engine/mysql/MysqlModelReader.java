package io.matey.engine.mysql;

import io.matey.codegen.model.CheckConstraint;
import io.matey.codegen.model.Column;
import io.matey.codegen.model.ColumnType;
import io.matey.codegen.model.ForeignKey;
import io.matey.codegen.model.Index;
import io.matey.codegen.model.Table;
import io.matey.codegen.model.UniqueConstraint;
import io.matey.engine.MigrationTable;
import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB through information_schema. The two servers report defaults differently: MariaDB as SQL
 * expressions ({@code 'new'}, {@code NULL}, {@code current_timestamp()}), MySQL as bare values unless the default
 * is an expression. Expressions that name the scratch database are made independent of its random name.
 */
final class MysqlModelReader {

    private static final Pattern ON_UPDATE = Pattern.compile("(?i)\\bon update (\\S+)");
    /** A default drawing from a sequence, as MariaDB prints {@code NEXT VALUE FOR s} once unqualified. */
    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\((?:(`(?:[^`]|``)+`)\\.)?(`(?:[^`]|``)+`)\\)$");
    /** The partitioning at the end of {@code SHOW CREATE TABLE} (MySQL 8 in a versioned comment). */
    private static final Pattern PARTITIONING = Pattern.compile("(?s)\\n(?:/\\*!\\d+ | )PARTITION BY (.*?)(?: \\*/)?$");
    /** {@link Table#options()}: the table's character set, collation and partitioning, as its DDL names them. */
    static final String CHARSET = "DEFAULT CHARSET=";
    static final String COLLATE = "COLLATE=";
    static final String PARTITION_BY = "PARTITION BY ";
    private static final long DEFAULT_SEQUENCE_CACHE = 1000;
    private static final Set<String> NUMERIC = Set.of("tinyint", "smallint", "mediumint", "int", "bigint", "decimal",
            "float", "double", "bit", "year");

    private record Key(String type, List<String> columns, String refSchema, String refTable, List<String> refColumns) {
    }

    private static final class Parts {
        final boolean view;
        final String comment;
        final List<Column> columns = new ArrayList<>();
        final Map<String, Key> keys = new TreeMap<>();
        final Map<String, String[]> rules = new HashMap<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, Index> indexes = new TreeMap<>();
        final Set<String> skippedIndexes = new HashSet<>();
        final Set<String> periodColumns = new HashSet<>();
        final Set<String> options = new LinkedHashSet<>();

        Parts(boolean view, String comment) {
            this.view = view;
            this.comment = comment;
        }
    }

    List<Table> read(Connection connection) throws SQLException {
        boolean mariadb = single(connection, "SELECT VERSION()").contains("MariaDB");
        String database = single(connection, "SELECT DATABASE()");
        // What create_all gives a column without a collation: models name only the others.
        String defaultCollation = single(connection, "SELECT @@collation_database");
        Map<String, Parts> tables = new TreeMap<>();
        // A table's collation where it is not the database's: create_all gives it to the table (mysql_collate), whose
        // columns then need a collation only where theirs is another.
        Map<String, String> tableCollations = new HashMap<>();
        List<String> partitioned = new ArrayList<>();
        Rows.forEach(connection, "SELECT TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, TABLE_COLLATION, CREATE_OPTIONS "
                + "FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'VIEW')", rs -> {
                    boolean view = rs.getString(2).equals("VIEW");
                    String comment = rs.getString(3);
                    if (rs.getString(1).equals(MigrationTable.NAME)) {
                        return;
                    }
                    Parts parts = new Parts(view, view || comment == null || comment.isEmpty() ? null : comment);
                    tables.put(rs.getString(1), parts);
                    String collation = rs.getString(4);
                    if (!view && collation != null && !collation.equals(defaultCollation)) {
                        tableCollations.put(rs.getString(1), collation);
                        // a collation's name starts with its character set's (latin1_german1_ci, binary)
                        parts.options.add(CHARSET + collation.split("_", 2)[0]);
                        parts.options.add(COLLATE + collation);
                    }
                    // SQLAlchemy has no system versioning, so a PARTITION BY SYSTEM_TIME has no table to go to.
                    String options = rs.getString(5) == null ? "" : rs.getString(5);
                    if (rs.getString(2).equals("BASE TABLE") && options.contains("partitioned")) {
                        partitioned.add(rs.getString(1));
                    }
                });
        for (String table : partitioned) {
            partitioning(connection, table).ifPresent(clause -> tables.get(table).options.add(PARTITION_BY + clause));
        }
        Map<String, Column.Sequence> sequences = new HashMap<>();
        Rows.forEach(connection, "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE, "
                + "CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, EXTRA, "
                + "GENERATION_EXPRESSION, COLUMN_COMMENT, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "ORDER BY TABLE_NAME, ORDINAL_POSITION", rs -> {
                    Parts table = tables.get(rs.getString(1));
                    if (table != null) {
                        table.columns.add(column(rs, table.view, mariadb, database,
                                tableCollations.getOrDefault(rs.getString(1), defaultCollation)));
                        if (rowPeriod(rs)) {
                            table.periodColumns.add(rs.getString(2));
                        }
                    }
                });
        Rows.forEach(connection, "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, "
                + "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME "
                + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.TABLE_CONSTRAINTS tc "
                + "ON tc.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND tc.TABLE_NAME = k.TABLE_NAME "
                + "AND tc.CONSTRAINT_NAME = k.CONSTRAINT_NAME WHERE k.TABLE_SCHEMA = DATABASE() "
                + "ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION", rs -> {
                    Parts table = tables.get(rs.getString(1));
                    if (table == null) {
                        return;
                    }
                    String refSchema = rs.getString(5);
                    Key key = table.keys.get(rs.getString(2));
                    if (key == null) {
                        key = new Key(rs.getString(3), new ArrayList<>(), refSchema == null || refSchema.equals(database)
                                ? null : refSchema, rs.getString(6), new ArrayList<>());
                        table.keys.put(rs.getString(2), key);
                    }
                    key.columns().add(rs.getString(4));
                    if (rs.getString(7) != null) {
                        key.refColumns().add(rs.getString(7));
                    }
                });
        Rows.forEach(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
                + "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE()", rs -> {
                    Parts table = tables.get(rs.getString(1));
                    if (table != null) {
                        table.rules.put(rs.getString(2), new String[] {rs.getString(3), rs.getString(4)});
                    }
                });
        // MariaDB scopes check names per table and lists the table; MySQL scopes them per schema and does not.
        Rows.forEach(connection, mariadb
                ? "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                        + "WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME"
                : "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc "
                        + "JOIN information_schema.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA "
                        + "AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.CONSTRAINT_TYPE = 'CHECK' "
                        + "AND tc.TABLE_SCHEMA = DATABASE() ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME", rs -> {
                    Parts table = tables.get(rs.getString(1));
                    if (table != null) {
                        table.checks.add(new CheckConstraint(rs.getString(2), unqualified(rs.getString(3), database)));
                    }
                });
        Rows.forEach(connection, "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, COLLATION "
                + "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                + "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", rs -> {
                    Parts table = tables.get(rs.getString(1));
                    if (table != null) {
                        addIndexPart(table, rs);
                    }
                });
        for (Parts parts : tables.values()) {
            for (int i = 0; i < parts.columns.size(); i++) {
                parts.columns.set(i, withSequence(connection, parts.columns.get(i), sequences));
            }
        }
        List<Table> result = new ArrayList<>();
        tables.forEach((name, parts) -> result.add(table(name, parts)));
        return result;
    }

    /** The whole {@code PARTITION BY} clause with its partitions, which SQLAlchemy writes after its keyword. */
    private static Optional<String> partitioning(Connection connection, String table) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + Backticks.quote(table))) {
            rs.next();
            Matcher m = PARTITIONING.matcher(rs.getString(2));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    /**
     * A MariaDB column whose default is {@code NEXT VALUE FOR s} draws from a sequence, which the models must create
     * before the table: it carries the sequence with its options (the default stays, as a sequence on a column
     * gives no DEFAULT in SQLAlchemy's DDL).
     */
    private static Column withSequence(Connection connection, Column column, Map<String, Column.Sequence> sequences)
            throws SQLException {
        Matcher m = NEXTVAL.matcher(column.serverDefault() == null ? "" : column.serverDefault());
        if (!m.matches()) {
            return column;
        }
        String qualified = (m.group(1) == null ? "" : m.group(1) + ".") + m.group(2);
        Column.Sequence sequence = sequences.get(qualified);
        if (sequence == null) {
            sequence = sequence(connection, m.group(1) == null ? null : Backticks.unquote(m.group(1)),
                    Backticks.unquote(m.group(2)), qualified);
            sequences.put(qualified, sequence);
        }
        return new Column(column.name(), column.type(), column.nullable(), column.serverDefault(), sequence,
                column.autoincrement(), column.identity(), column.generated(), column.comment());
    }

    /**
     * A sequence's start and increment, and the options that are not what MariaDB gives a sequence created with
     * those two: minimum and maximum 1 and 2^63 - 2 ascending, -(2^63 - 1) and -1 descending, cache 1000, no cycle.
     */
    private static Column.Sequence sequence(Connection connection, String schema, String name, String qualified)
            throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT start_value, increment, "
                + "minimum_value, maximum_value, cache_size, cycle_option FROM " + qualified)) {
            rs.next();
            long increment = rs.getLong(2);
            long min = rs.getLong(3);
            long max = rs.getLong(4);
            long cache = rs.getLong(5);
            boolean ascending = increment > 0;
            return new Column.Sequence(schema, name, rs.getLong(1), increment,
                    min == (ascending ? 1L : -Long.MAX_VALUE) ? null : min,
                    max == (ascending ? Long.MAX_VALUE - 1 : -1L) ? null : max,
                    cache == DEFAULT_SEQUENCE_CACHE ? null : cache, rs.getBoolean(6));
        }
    }

    /** @param tableCollation what create_all gives a column without a collation */
    private static Column column(ResultSet rs, boolean view, boolean mariadb, String database, String tableCollation)
            throws SQLException {
        String name = rs.getString(2);
        String dataType = rs.getString(5).toLowerCase(Locale.ROOT);
        String columnType = rs.getString(6);
        String extra = rs.getString(11) == null ? "" : rs.getString(11);
        boolean nullable = rs.getString(4).equals("YES");
        String collation = rs.getString(14);
        ColumnType type = type(dataType, columnType, rs.getObject(7), rs.getObject(8), rs.getObject(9), rs.getObject(10),
                collation == null || collation.equals(tableCollation) ? null : collation);
        String comment = rs.getString(13) == null || rs.getString(13).isEmpty() ? null : rs.getString(13);
        if (view) {
            // A view enforces nothing; information_schema's NOT NULL for its columns is an inference (PostgreSQL
            // and SQLite make none, and SQLAlchemy reflects view columns as nullable).
            return new Column(name, type, true, null, null, false, null, null, comment);
        }
        String upperExtra = extra.toUpperCase(Locale.ROOT);
        if (rowPeriod(rs)) {
            // The server fills it; "ROW START" is no expression SQLAlchemy's Computed could declare.
            return new Column(name, type, nullable, null, null, false, null, null, comment);
        }
        if (upperExtra.contains("VIRTUAL GENERATED") || upperExtra.contains("STORED GENERATED")) {
            return new Column(name, type, nullable, null, null, false, null,
                    new Column.Generated(unqualified(rs.getString(12), database), upperExtra.contains("STORED")), comment);
        }
        String defaultSql = defaultSql(rs.getString(3), dataType, upperExtra, mariadb);
        Matcher onUpdate = ON_UPDATE.matcher(extra);
        if (defaultSql != null && onUpdate.find()) {
            // SQLAlchemy's MySQL dialect carries ON UPDATE as part of the default text, and so does the model.
            defaultSql = defaultSql + " ON UPDATE " + onUpdate.group(1);
        }
        return new Column(name, type, nullable, unqualified(defaultSql, database), null,
                upperExtra.contains("AUTO_INCREMENT"), null, null, comment);
    }

    /** A MariaDB system-versioning column declared {@code GENERATED ALWAYS AS ROW START|END}. */
    private static boolean rowPeriod(ResultSet rs) throws SQLException {
        String expression = rs.getString(12);
        return expression != null && (expression.equalsIgnoreCase("ROW START") || expression.equalsIgnoreCase("ROW END"));
    }

    private static String defaultSql(String value, String dataType, String extra, boolean mariadb) {
        if (value == null) {
            return null;
        }
        if (mariadb) {
            return value.equals("NULL") ? null : value;
        }
        if (extra.contains("DEFAULT_GENERATED") || NUMERIC.contains(dataType)) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static ColumnType type(String dataType, String columnType, Object charLength, Object precision, Object scale,
            Object fractional, String collation) {
        String lower = columnType.toLowerCase(Locale.ROOT);
        boolean unsigned = lower.contains("unsigned");
        Integer length = null;
        Integer numericPrecision = null;
        Integer numericScale = null;
        List<String> labels = List.of();
        switch (dataType) {
            case "char", "varchar", "binary", "varbinary" -> length = number(charLength);
            case "bit" -> length = number(precision);
            case "tinyint" -> length = displayWidth(lower);
            case "decimal" -> {
                numericPrecision = number(precision);
                numericScale = number(scale);
            }
            case "datetime", "timestamp", "time" -> {
                Integer fsp = number(fractional);
                numericPrecision = fsp == null || fsp == 0 ? null : fsp;
            }
            case "enum", "set" -> labels = labels(columnType);
            default -> {
                // no parameter the generators use
            }
        }
        // documented as the dump prints it: without the display widths MariaDB's COLUMN_TYPE keeps (int(11))
        return new ColumnType(dataType, ColumnText.dumped(columnType), length, numericPrecision, numericScale, unsigned, labels, null, null, null,
                collation);
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Integer displayWidth(String columnType) {
        Matcher m = Pattern.compile("^\\w+\\((\\d+)\\)").matcher(columnType);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** {@code enum('a','it''s')} → {@code [a, it's]}. */
    static List<String> labels(String columnType) {
        List<String> labels = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        while (i > 0 && i < columnType.length() && columnType.charAt(i) == '\'') {
            StringBuilder label = new StringBuilder();
            int j = i + 1;
            while (j < columnType.length()) {
                char c = columnType.charAt(j);
                if (c == '\'' && j + 1 < columnType.length() && columnType.charAt(j + 1) == '\'') {
                    label.append('\'');
                    j += 2;
                } else if (c == '\\' && j + 1 < columnType.length()) {
                    label.append(columnType.charAt(j + 1));
                    j += 2;
                } else if (c == '\'') {
                    break;
                } else {
                    label.append(c);
                    j++;
                }
            }
            labels.add(label.toString());
            i = j + 2;
        }
        return labels;
    }

    private static void addIndexPart(Parts table, ResultSet rs) throws SQLException {
        String name = rs.getString(2);
        String column = rs.getString(4);
        if (column == null) {
            // A functional key part (MySQL 8): information_schema does not give its expression.
            table.skippedIndexes.add(name);
            return;
        }
        Index index = table.indexes.get(name);
        if (index == null) {
            String type = rs.getString(6);
            index = new Index(name, rs.getInt(3) == 0, new ArrayList<>(), null,
                    type.equals("FULLTEXT") || type.equals("SPATIAL") ? type : null, new LinkedHashMap<>());
            table.indexes.put(name, index);
        }
        // COLLATION is the part's order: D for a descending one (MariaDB 10.8 and MySQL 8 keep it)
        index.parts().add(new Index.Part(column, null, "D".equals(rs.getString(7)) ? Index.Part.DESC : null));
        // Only a plain key part may have a prefix length; MariaDB reports a SUB_PART (32) for every SPATIAL part,
        // which the DDL cannot declare (and no FULLTEXT part takes one either).
        if (rs.getObject(5) != null && index.method() == null) {
            index.prefixes().put(column, rs.getInt(5));
        }
    }

    /**
     * MariaDB adds a system-versioned table's row end to its primary and unique keys, so that history rows stay
     * distinct; the hidden {@code row_start}/{@code row_end} are not even in information_schema.COLUMNS. The key a
     * model carries is the one the application declared and sees (docs/architecture.md §3): those columns are left
     * out of keys, and the hidden ones out of the model.
     */
    private static List<String> declaredKey(List<String> columns, Parts parts) {
        return columns.stream().filter(c -> !parts.periodColumns.contains(c)
                && parts.columns.stream().anyMatch(column -> column.name().equals(c))).toList();
    }

    private static Table table(String name, Parts parts) {
        List<String> primaryKey = List.of();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (Map.Entry<String, Key> entry : parts.keys.entrySet()) {
            Key key = entry.getValue();
            switch (key.type()) {
                case "PRIMARY KEY" -> primaryKey = declaredKey(key.columns(), parts);
                case "UNIQUE" -> {
                    if (!keyedByIndex(parts.indexes.get(entry.getKey()))) {
                        uniques.add(new UniqueConstraint(entry.getKey(), declaredKey(key.columns(), parts)));
                    }
                }
                case "FOREIGN KEY" -> {
                    String[] rules = parts.rules.getOrDefault(entry.getKey(), new String[] {null, null});
                    foreignKeys.add(new ForeignKey(entry.getKey(), key.columns(), key.refSchema(), key.refTable(),
                            key.refColumns(), action(rules[0]), action(rules[1])));
                }
                default -> {
                    // CHECK constraints come from CHECK_CONSTRAINTS
                }
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (Index index : parts.indexes.values()) {
            // Primary and unique keys are constraints; the index MySQL creates for a foreign key comes with it.
            // A unique key with a prefix or descending part stays an index: a UniqueConstraint cannot carry either.
            boolean constraint = parts.keys.containsKey(index.name()) && !(index.unique() && keyedByIndex(index))
                    || index.name().equals("PRIMARY");
            if (!constraint && !parts.skippedIndexes.contains(index.name())) {
                indexes.add(new Index(index.name(), index.unique(), List.copyOf(index.parts()), null, index.method(),
                        Map.copyOf(index.prefixes())));
            }
        }
        List<String> key = primaryKey;
        List<Column> columns = parts.columns.stream().map(c -> key.contains(c.name()) && c.nullable()
                ? new Column(c.name(), c.type(), false, c.serverDefault(), c.sequence(), c.autoincrement(), c.identity(),
                        c.generated(), c.comment())
                : c).toList();
        return new Table(null, name, parts.view, parts.comment, columns, primaryKey, foreignKeys, uniques, parts.checks,
                indexes, null, List.of(), parts.options);
    }

    private static boolean keyedByIndex(Index index) {
        return index != null && (!index.prefixes().isEmpty() || index.parts().stream().anyMatch(p -> p.options() != null));
    }

    private static String action(String rule) {
        return rule == null || rule.equals("RESTRICT") || rule.equals("NO ACTION") ? null : rule;
    }

    /** Drops the scratch database's own name from qualified references, which would differ on every replay. */
    private static String unqualified(String sql, String database) {
        return sql == null ? null : sql.replace("`" + database + "`.", "");
    }


    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
