package io.matey.engine.postgres;

import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.Labels;
import io.matey.data.TableChanges;
import io.matey.data.TableName;
import io.matey.data.ValueBinder;
import io.matey.data.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** PostgreSQL's data export and apply (docs/architecture.md §3). */
final class PostgresDataDialect implements DataDialect {

    private static final String IDENTITY_ALWAYS = "an identity column GENERATED ALWAYS";

    @Override
    public String quote(String identifier) {
        return TemplateCache.quote(identifier);
    }

    /** A qualifier is a schema of the target's database, which data sets write into like any other. */
    @Override
    public Optional<String> qualifierOutsideTarget() {
        return Optional.empty();
    }

    /**
     * An unqualified name is the table PostgreSQL itself would use: {@code to_regclass} resolves it through the
     * connection's search_path (pg_temp and pg_catalog included, as the server does), not only current_schema().
     */
    @Override
    public Optional<TableName> locate(Connection connection, TableName table) throws SQLException {
        if (table.schema() != null) {
            return Optional.of(table);
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT n.nspname FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, quote(table.name()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new TableName(rs.getString(1), table.name())) : Optional.empty();
            }
        }
    }

    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        return PostgresColumnTypes.of(typeName, precision, scale);
    }

    /**
     * Result-set metadata names an enum column's type but not its labels, which pg_enum lists in their order: of
     * the column's type, of its element type when it is an array, and of a domain's base type. An array's
     * element keeps its name as the server formats it, qualified where the search path does not find it, since
     * the driver creates the array by that name.
     */
    @Override
    public Map<String, ColumnType> catalogTypes(Connection connection, TableName table, Set<String> computed)
            throws SQLException {
        Map<String, ColumnType> labelled = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT a.attname, t.typname, "
                + "CASE WHEN t.typcategory = 'A' THEN format_type(t.typelem, NULL) END, "
                + "array_agg(e.enumlabel ORDER BY e.enumsortorder) "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid "
                + "JOIN pg_type element ON element.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END "
                + "JOIN pg_enum e ON e.enumtypid = CASE WHEN element.typtype = 'd' THEN element.typbasetype ELSE element.oid END "
                + "WHERE c.oid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped "
                + "GROUP BY a.attnum, a.attname, t.typname, t.typcategory, t.typelem ORDER BY a.attnum")) {
            ps.setString(1, table.quoted(this));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Labels labels = new Labels(Arrays.asList((String[]) rs.getArray(4).getArray()), true, false);
                    String element = rs.getString(3);
                    labelled.put(rs.getString(1), element == null
                            ? ColumnType.labelled(ValueKind.OTHER, rs.getString(2), labels)
                            : ColumnType.array(element, ColumnType.labelled(ValueKind.OTHER, element, labels)));
                }
            }
        }
        return labelled;
    }

    @Override
    public boolean timesHaveInfinities() {
        return true;
    }

    /** An untyped string is cast by the server to the column's type (jsonb, uuid, an enum, ...). */
    @Override
    public void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (value != null && (type.kind() == ValueKind.JSON || type.kind() == ValueKind.OTHER)) {
            ps.setObject(index, ValueBinder.text(value), Types.OTHER);
        } else {
            ValueBinder.bind(ps, index, type, value);
        }
    }

    /**
     * Every type without a JSON form of its own (not an enum, whose labels are compared exactly): the server rewrites
     * the text of most ({@code 10.0.0.1/32} in an {@code inet} column reads back {@code 10.0.0.1}, a UUID's hex digits
     * lower-case, an interval normalised, {@code a=>1} in an hstore {@code "a"=>"1"}, a range's bounds in the
     * column's own format), also as an array's elements: a file's value is written and compared as the type's value,
     * so a second apply of the same file changes nothing.
     */
    @Override
    public boolean rewritesValues(ColumnType type) {
        ColumnType value = type.kind() == ValueKind.ARRAY ? type.element() : type;
        return value.kind() == ValueKind.OTHER && value.labels() == null;
    }

    @Override
    public String parameter(ColumnType type) {
        return rewritesValues(type) ? "CAST(? AS " + type.label() + ")" : "?";
    }

    /**
     * money's text follows the server's lc_monetary ({@code $12.34}, {@code 12,34 €}): files hold its number, also
     * for each element of a money array.
     */
    @Override
    public String selected(String column, ColumnType type) {
        ColumnType value = type.kind() == ValueKind.ARRAY ? type.element() : type;
        return value.kind() == ValueKind.OTHER && value.label().equals("money")
                ? "CAST(" + column + " AS numeric" + (value == type ? ")" : "[])") : column;
    }

    /** One VALUES list: PostgreSQL plans a UNION of many SELECTs slowly (0.7 s for 1,000, a VALUES list 7 ms). */
    @Override
    public String numberedValues(String value, int count) {
        StringBuilder sql = new StringBuilder("SELECT 0 AS n, ").append(value).append(" AS v");
        for (int i = 1; i < count; i++) {
            sql.append(i == 1 ? " UNION ALL VALUES (" : ", (").append(i).append(", ").append(value).append(')');
        }
        return sql.toString();
    }

    /**
     * An identity column {@code GENERATED ALWAYS} takes no value but DEFAULT in an UPDATE ("can only be updated to
     * DEFAULT"), so data apply leaves it out of updates and refuses a row that changes it.
     */
    @Override
    public Map<String, String> immutableColumns(Connection connection, String table, String sql) throws SQLException {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = "
                + "CAST(? AS regclass) AND attidentity = 'a' AND NOT attisdropped ORDER BY attnum")) {
            ps.setString(1, sql);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reasons.put(rs.getString(1), IDENTITY_ALWAYS);
                }
            }
        }
        return reasons;
    }

    /** A row keyed by something else usually means to keep the table's id: the file's rows may leave it out. */
    @Override
    public String rekeyedRow(String column, String why) {
        return DataDialect.super.rekeyedRow(column, why) + " Or leave '" + column + "' out of the file's rows: a row"
                + " without it keeps the table's value (and a new row takes the next generated one).";
    }

    /** Explicit values win over identity columns declared {@code GENERATED ALWAYS}, as reference data needs. */
    @Override
    public String insert(String table, TableChanges.Columns columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns.names()) + ") OVERRIDING SYSTEM VALUE VALUES ("
                + parameters(columns) + ")";
    }

    @Override
    public void afterInsert(Connection connection, String table) throws SQLException {
        SequenceCatchUp.afterInsert(connection, table);
    }
}
