package io.matey.engine.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.TableChanges;
import io.matey.data.ValueException;
import io.matey.data.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ClickHouse's data export and apply (docs/architecture.md §3). ClickHouse has no UPDATE statement every table
 * accepts and no transactions, so a data set's changed rows are rewritten in place and removed rows deleted by
 * synchronous mutations ({@code ALTER TABLE ... UPDATE|DELETE ... SETTINGS mutations_sync = 2}; a lightweight
 * {@code DELETE} is refused on tables with projections); a replace without key is a {@code TRUNCATE}. This keeps
 * one row per key on every MergeTree engine: on a {@code ReplacingMergeTree} the mutation rewrites every version
 * of the key, so {@code FINAL} and merges agree with the file. ClickHouse refuses to update key columns
 * ({@code PARTITION BY}, {@code ORDER BY}, a {@code ReplacingMergeTree} version, a {@code CollapsingMergeTree} sign:
 * {@link ClickHouseKeyColumns}): updates leave them out, and a file whose rows change them must name them in
 * {@code on}, so that a changed row is a new key (inserted, and for replace the old key deleted; a new
 * {@code ReplacingMergeTree} version of a row replaces the table's version in both modes, {@link #versionOfRow}). A table TTL drops rows already expired, at the insert or at a later merge: apply drops them at
 * once by a synchronous {@code MATERIALIZE TTL} and reports them ({@link #dropsExpiredRows}).
 */
final class ClickHouseDataDialect implements DataDialect {

    /** Mutations return once they are done, so the next read sees them. */
    private static final String MUTATIONS_SYNC = " SETTINGS mutations_sync = 2";

    private final ClickHouseDataTypes types = new ClickHouseDataTypes();
    private final ClickHouseDataValues values = new ClickHouseDataValues(types);
    private final ClickHouseNestedValues nested = new ClickHouseNestedValues(types);

    @Override
    public String quote(String identifier) {
        return ClickHouseConnector.quote(identifier);
    }

    /** The result set names the full type ({@code Nullable(Decimal(18, 4))}), which is all ClickHouse needs. */
    @Override
    public Optional<String> qualifierOutsideTarget() {
        return Optional.of("ClickHouse database");
    }

    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        return types.of(typeName == null ? declared : typeName);
    }

    /** The driver's catalog does not unquote a quoted key column ({@code `a.b`}): {@link ClickHouseKeyList}. */
    @Override
    public List<String> primaryKey(Connection connection, String schema, String table) throws SQLException {
        return ClickHouseKeyList.primaryKey(connection, table);
    }

    /**
     * Types the driver reads as no data file value, found on the real server (README "Data sets on ClickHouse"): geo
     * types as Java arrays' names, an {@code Interval} as a {@code Period} it cannot convert, a {@code BFloat16} or
     * {@code QBit} not at all, a {@code Time64} without its fraction.
     */
    private static final List<String> UNREAD_TYPES = List.of("Point", "Ring", "Polygon", "MultiPolygon", "LineString",
            "MultiLineString", "Geometry", "BFloat16", "QBit", "Time64", "IntervalNanosecond", "IntervalMicrosecond",
            "IntervalMillisecond", "IntervalSecond", "IntervalMinute", "IntervalHour", "IntervalDay", "IntervalWeek",
            "IntervalMonth", "IntervalQuarter", "IntervalYear");

    /**
     * An {@code AggregateFunction} column holds partial aggregation states, binary and known only to the server; the
     * driver reads no {@code Nested} inside another type, and some types it reads as no value ({@link #UNREAD_TYPES}).
     */
    @Override
    public String noFileForm(ColumnType type) {
        ClickHouseDataType value = types.valueType(type.label());
        if (value.nests("AggregateFunction")) {
            return "holds aggregate function states, which have no data file form. Leave the table out of the data "
                    + "set, or declare the column as a SimpleAggregateFunction (e.g. SimpleAggregateFunction(sum, "
                    + "UInt64)), whose values are plain.";
        }
        for (String unread : UNREAD_TYPES) {
            if (value.nests(unread)) {
                return "holds " + unread + " values, which the ClickHouse driver does not read as values a data file "
                        + "can hold (it fails, or gives text that is no value, or cuts off a Time64's fraction). Leave "
                        + "the table out of the data set, or declare the column with a type data sets carry (a "
                        + "Tuple(Float64, Float64) or arrays of them for a geo type, Float32 for a BFloat16, an integer "
                        + "count for an Interval, a DateTime64 or a String for a Time64).";
            }
        }
        if (!value.name().equals("Nested") && value.nests("Nested")) {
            return "nests a Nested, which the ClickHouse driver cannot read. Leave the table out of the data set, or "
                    + "declare the column with Array(Tuple(...)) in place of each Nested(...), which holds the same "
                    + "values and travels as arrays of tuples.";
        }
        return null;
    }

    @Override
    public Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        return values.read(rs, index, type);
    }

    /**
     * A String is read as the hex of its bytes, which {@code read} checks are UTF-8; an array, map or tuple with
     * Strings inside as a one-element array of it when its text is UTF-8 and an empty one when not, which {@code read}
     * refuses (README "Data sets on ClickHouse"). A JSON, Variant or Dynamic column, and an array or map of them, is
     * read as the hex of its JSON text, checked as a String is: the driver gives no JSON text for it. JSON in a tuple
     * is read as its text inside the tuple ({@link ClickHouseNestedJson}).
     */
    @Override
    public String selected(String column, ColumnType type) {
        if (type.kind() == ValueKind.TEXT) {
            return "hex(" + column + ")";
        }
        if (types.readsAsJsonText(type)) {
            return "hex(toJSONString(" + column + "))";
        }
        String value = ClickHouseNestedJson.selected(column, types.valueType(type.label()));
        // arrayFilter keeps the array's type: [] would be Array(Nothing), which ClickHouse cannot join with Array(Dynamic)
        return types.nestsText(type) ? "arrayFilter(x -> isValidUTF8(toString(x)), [" + value + "])" : value;
    }

    /**
     * ClickHouse parses JSON into its own form as it stores it (a mixed array's {@code [true, 1]} is {@code [1, 1]}, a
     * {@code "a.b"} member a path, null members dropped), so a file's JSON, also nested, is compared as the server
     * stores it, which the server is asked for (README "Data sets on ClickHouse"); a value it cannot store is refused
     * by line with its reason.
     */
    @Override
    public boolean rewritesValues(ColumnType type) {
        return types.valueType(type.label()).nests("JSON") || variable(type);
    }

    /**
     * A Variant or Dynamic value is stored as the type of the JSON value JSONEachRow reads ({@link #parameter}), which
     * may be another than the file's: {@code "1"} in a {@code Variant(String, UInt64)} is the number 1, an object in
     * a Variant without JSON its text. Compared in that form, it would differ from the table at every apply, so it is
     * refused by line instead.
     */
    @Override
    public boolean refusesRewrites(ColumnType type) {
        return variable(type);
    }

    /** The value as a write stores it: through {@link #parameter}, or the bound text cast to the column's type. */
    @Override
    public String heldValue(ColumnType type) {
        return fromJson(type) ? parameter(type) : "CAST(?, " + ClickHouseConnector.literal(type.label()) + ")";
    }

    /**
     * A value is an SQL expression in a mutation, and in an insert's VALUES where the type's own text does not read
     * it, where the driver's map text ({@code {'k': 1}}) is no literal, a number in a tuple's text is read as a
     * Float64 before the cast, and a Variant or Dynamic takes the driver's text for a String: so a column nesting a
     * map, tuple, Variant or Dynamic is written from its data file JSON, parsed as the column's type by the JSONEachRow
     * format (the format the data file is in), with settings in the subquery, which a statement's own do not reach: a
     * named tuple read from its array, as the file writes it; in a Variant or Dynamic an object, a boolean, a number
     * and an array each as itself, not as text or a number, and a string not as a date, so that the value stored is
     * of the file's kind.
     */
    @Override
    public String parameter(ColumnType type) {
        if (!fromJson(type)) {
            return "?";
        }
        ClickHouseDataType value = types.valueType(type.label());
        List<String> settings = new ArrayList<>();
        if (value.nests("Tuple")) {
            settings.add("input_format_json_named_tuples_as_objects = 0");
        }
        if (variable(type)) {
            settings.add("input_format_json_read_objects_as_strings = 0, input_format_json_read_arrays_as_strings = 0, "
                    + "input_format_json_read_bools_as_numbers = 0, input_format_json_read_bools_as_strings = 0, "
                    + "input_format_json_read_numbers_as_strings = 0, input_format_try_infer_dates = 0, "
                    + "input_format_try_infer_datetimes = 0");
        }
        String label = ClickHouseConnector.literal(type.label());
        if (!value.name().equals("Variant") || !value.types().contains(ClickHouseDataType.parse("String"))) {
            return "(SELECT v FROM format(JSONEachRow, " + ClickHouseConnector.literal("v " + type.label()) + ", ?)"
                    + (settings.isEmpty() ? "" : " SETTINGS " + String.join(", ", settings)) + ")";
        }
        // JSONEachRow reads a Variant's string as the first member its text parses as ("1" a UInt64): a string goes
        // to the String member instead, by a cast that infers nothing
        return "(WITH ? AS r SELECT if(JSONType(r, 'v') = 'String', CAST(JSONExtractString(r, 'v'), " + label
                + "), v) FROM format(JSONEachRow, " + ClickHouseConnector.literal("v " + type.label()) + ", r) SETTINGS "
                + String.join(", ", settings) + ", cast_string_to_variant_use_inference = 0)";
    }

    /**
     * A Dynamic column's VALUES text is whatever it reads, an expression's text too (as a String), and a Variant's
     * value from a VALUES expression is converted again: a row with either is inserted by a SELECT of its values,
     * where every {@link #parameter} is an expression, read as apply's comparison reads it ({@link #heldValue}).
     */
    @Override
    public String insert(String table, TableChanges.Columns columns) {
        if (columns.types().stream().noneMatch(this::variable)) {
            return DataDialect.super.insert(table, columns);
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns.names()) + ") SELECT " + parameters(columns);
    }

    @Override
    public void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (fromJson(type)) {
            ps.setString(index, values.jsonRow(value));
        } else {
            values.bind(ps, index, type, value);
        }
    }

    @Override
    public boolean holdsNull(ColumnType type) {
        return types.holdsNull(type.label());
    }

    @Override
    public String otherValue(String text, ColumnType type) throws ValueException {
        return ClickHouseTextValues.of(text, types.valueType(type.label()).name());
    }

    @Override
    public JsonNode checkJson(JsonNode value, ColumnType type, NestedValues values) throws ValueException {
        nested.check(value, type, values);
        return ClickHouseNestedForms.scaled(value, types.valueType(type.label()));
    }

    /** A {@code DateTime} or {@code DateTime64} that names its time zone holds instants, written in that zone. */
    @Override
    public ZoneId timestampZone(ColumnType type) {
        ClickHouseDataType value = types.valueType(type.label());
        return ClickHouseTimestamps.isTimestamp(value) ? ClickHouseTimeRanges.namedZone(value) : null;
    }

    /** Arrays of one Nested, written together at one length ({@link ClickHouseNestedArrays}). */
    @Override
    public RowCheck rowCheck(Map<String, ColumnType> columns) {
        return ClickHouseNestedArrays.of(columns, types);
    }

    /**
     * ClickHouse clamps a date or time outside its type's range instead of refusing it ({@link ClickHouseTimeRanges}),
     * and cuts off a finer fraction than its precision ({@link ClickHouseTimestamps}).
     */
    @Override
    public Temporal time(Temporal value, ColumnType type) throws ValueException {
        ClickHouseDataType declared = types.valueType(type.label());
        Temporal checked = ClickHouseTimeRanges.check(value, declared);
        return ClickHouseTimestamps.isTimestamp(declared) ? ClickHouseTimestamps.check((LocalDateTime) checked, declared)
                : checked;
    }

    /** A timestamp, also an array's, at its column's precision ({@link ClickHouseTimestamps}). */
    @Override
    public Object exported(Object value, ColumnType type) {
        if (value instanceof LocalDateTime time) {
            return ClickHouseTimestamps.text(time, types.valueType(type.label()));
        }
        if (value instanceof List<?> list && type.kind() == ValueKind.ARRAY) {
            List<Object> items = new ArrayList<>(list.size());
            for (Object item : list) {
                items.add(exported(item, type.element()));
            }
            return items;
        }
        return value;
    }

    /** A mutation ({@code ALTER TABLE ... UPDATE|DELETE}) reports no rows, so data apply cannot check them here. */
    @Override
    public boolean countsChangedRows() {
        return false;
    }

    /** Strings compare as bytes and decimals are scaled to their column's scale before they are compared. */
    @Override
    public boolean keysEqualOnlyWhenIdentical() {
        return true;
    }

    @Override
    public Map<String, String> immutableColumns(Connection connection, String table, String sql) throws SQLException {
        return ClickHouseKeyColumns.of(connection, table);
    }

    @Override
    public RowsCheck keptRows(Connection connection, String table, Map<String, ColumnType> columns,
            List<RowValues> rows) throws SQLException {
        return ClickHouseKeptRows.of(connection, table, columns, this, rows);
    }

    /**
     * A ReplacingMergeTree keeps one version of a row (FINAL, merges: the highest), so a file keyed by its version
     * names a row by the rest of its key.
     */
    @Override
    public boolean versionOfRow(String why) {
        return why.equals(ClickHouseKeyColumns.REPLACING_VERSION);
    }

    /**
     * Keyed by its version, a ReplacingMergeTree row with another version is another version of the same row, which
     * data apply writes in place of the table's: were it only inserted, a lower version would stay hidden behind the
     * table's and be inserted again by every apply.
     */
    @Override
    public String rekeyedRow(String column, String why) {
        if (!versionOfRow(why)) {
            return DataDialect.super.rekeyedRow(column, why);
        }
        return "A row whose '" + column + "' changes is then a new version of its row, written in place of the "
                + "table's (its version deleted, the row inserted), so that the table (FINAL, merges) holds the file's "
                + "version, higher or lower.";
    }

    /**
     * A view and the relations like it, by their engine: a materialized view too, also one with a TO table, whose
     * rows are that table's, which the set names instead.
     */
    @Override
    public Optional<String> notATable(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT multiIf(engine = 'View', 'view', "
                + "engine = 'MaterializedView', 'materialized view', engine = 'LiveView', 'live view', "
                + "engine = 'WindowView', 'window view', '') FROM system.tables WHERE database = currentDatabase() AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && !rs.getString(1).isEmpty() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * A table whose engine replaces or collapses rows at merges holds superseded rows until a merge: read with
     * {@code FINAL}, so that export writes, and apply compares with, the rows the table settles to.
     */
    @Override
    public String readFrom(Connection connection, String table, String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT match(engine, "
                + "'^(Replicated|Shared)?(Replacing|Collapsing|VersionedCollapsing)MergeTree$') "
                + "FROM system.tables WHERE database = currentDatabase() AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1) ? sql + " FINAL" : sql;
            }
        }
    }

    /** A table TTL ({@code engine_full} holds it; a column TTL clears values, never rows). */
    @Override
    public boolean dropsExpiredRows(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT position(engine_full, ' TTL ') > 0 "
                + "FROM system.tables WHERE database = currentDatabase() AND name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public void dropExpiredRows(Connection connection, String table) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ALTER TABLE " + table + " MATERIALIZE TTL" + MUTATIONS_SYNC);
        }
    }

    /** A mutation, each value through {@link #parameter}. */
    @Override
    public String update(String table, TableChanges.Columns set, String where) {
        List<String> assignments = new ArrayList<>();
        for (int i = 0; i < set.names().size(); i++) {
            assignments.add(set.names().get(i) + " = " + parameter(set.types().get(i)));
        }
        return "ALTER TABLE " + table + " UPDATE " + String.join(", ", assignments) + " WHERE " + where + MUTATIONS_SYNC;
    }

    /** Whether a column nests a Variant or Dynamic, whose values may be of several types. */
    private boolean variable(ColumnType type) {
        ClickHouseDataType value = types.valueType(type.label());
        return value.nests("Variant") || value.nests("Dynamic");
    }

    /** Whether a column's values are written from their data file JSON ({@link #parameter}). */
    private boolean fromJson(ColumnType type) {
        ClickHouseDataType value = types.valueType(type.label());
        return value.nests("Map") || value.nests("Tuple") || variable(type);
    }

    @Override
    public String delete(String table, String where) {
        return where.isEmpty() ? "TRUNCATE TABLE " + table
                : "ALTER TABLE " + table + " DELETE WHERE " + where + MUTATIONS_SYNC;
    }
}
