package io.matey.engine.bigquery;

import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.ValueBinder;
import io.matey.data.ValueException;
import io.matey.data.ValueKind;
import io.matey.data.ValueReader;
import io.matey.error.MateyException;
import io.matey.error.Reason;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BigQuery's data export and apply (docs/architecture.md §3). The engine-neutral part reads the table by key and
 * writes only the difference with INSERT, UPDATE and DELETE, which BigQuery and the emulator both run, so upsert and
 * replace need no MERGE; without transactions a set is written file by file. Values travel as typed positional
 * query parameters (BigQuery needs a type even for NULL): INT64, BOOL, NUMERIC/BIGNUMERIC, FLOAT64, STRING(n), DATE,
 * TIME, DATETIME (a timestamp without zone), TIMESTAMP (an instant, in UTC), BYTES (hex), JSON, and GEOGRAPHY as its
 * WKT text. ARRAY and STRUCT columns are refused by name. A replace without key deletes with {@code WHERE TRUE}
 * (BigQuery requires a WHERE), which, unlike TRUNCATE, reports how many rows it removed.
 */
final class BigQueryDataDialect implements DataDialect {

    /** The client's formats for TIME and DATETIME parameters, which always carry microseconds. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final Pattern TYPE = Pattern.compile("([A-Z0-9]+)(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?");

    @Override
    public String quote(String identifier) {
        return BigQueryEngine.quoted(identifier);
    }

    /** {@code declared} is the column's whole GoogleSQL type from the tables API ({@link BigQueryMetaData}). */
    @Override
    public ColumnType columnType(String declared, String typeName, int precision, int scale) {
        Matcher type = TYPE.matcher(declared.toUpperCase(Locale.ROOT));
        if (!type.matches()) {
            throw new MateyException(Reason.UNSUPPORTED, "Data sets do not support BigQuery columns of type " + declared
                    + " yet (ARRAY and STRUCT values).");
        }
        int first = type.group(2) == null ? 0 : Integer.parseInt(type.group(2));
        int second = type.group(3) == null ? 0 : Integer.parseInt(type.group(3));
        return switch (type.group(1)) {
            case "INT64" -> ColumnType.integer(declared, 64, false);
            case "BOOL" -> ColumnType.of(ValueKind.BOOLEAN, declared);
            case "NUMERIC", "BIGNUMERIC" -> ColumnType.decimal(declared, first, second);
            case "FLOAT64" -> ColumnType.of(ValueKind.FLOAT64, declared);
            case "STRING" -> ColumnType.text(declared, first);
            case "DATE" -> ColumnType.of(ValueKind.DATE, declared);
            case "TIME" -> ColumnType.of(ValueKind.TIME, declared);
            case "DATETIME" -> ColumnType.of(ValueKind.TIMESTAMP, declared);
            case "TIMESTAMP" -> ColumnType.of(ValueKind.TIMESTAMPTZ, declared);
            case "BYTES" -> ColumnType.of(ValueKind.BYTES, declared);
            case "JSON" -> ColumnType.of(ValueKind.JSON, declared);
            default -> ColumnType.of(ValueKind.OTHER, declared);
        };
    }

    /** Values as {@link BigQueryResults} holds them: numbers and booleans typed, bytes as bytes, the rest as text. */
    @Override
    public Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        Object value = switch (type.kind()) {
            case INTEGER -> rs.getLong(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DECIMAL -> ValueReader.padded(rs.getBigDecimal(index), type);
            case FLOAT64 -> rs.getDouble(index);
            case BYTES -> rs.getBytes(index);
            case JSON -> ValueReader.json(rs.getString(index));
            default -> text(rs.getString(index), type);
        };
        return rs.wasNull() ? null : value;
    }

    private static Object text(String text, ColumnType type) {
        if (text == null) {
            return null;
        }
        return switch (type.kind()) {
            case DATE -> LocalDate.parse(text);
            case TIME -> LocalTime.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text.replace(' ', 'T'));
            case TIMESTAMPTZ -> OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
            default -> text;
        };
    }

    @Override
    public void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        ps.setObject(index, value == null ? QueryParameterValue.of(null, standardType(type)) : parameter(type, value));
    }

    private static QueryParameterValue parameter(ColumnType type, Object value) {
        return switch (type.kind()) {
            case INTEGER -> QueryParameterValue.int64((Long) value);
            case BOOLEAN -> QueryParameterValue.bool((Boolean) value);
            case DECIMAL -> standardType(type) == StandardSQLTypeName.BIGNUMERIC
                    ? QueryParameterValue.bigNumeric((BigDecimal) value) : QueryParameterValue.numeric((BigDecimal) value);
            case FLOAT64 -> QueryParameterValue.float64((Double) value);
            case DATE -> QueryParameterValue.date(value.toString());
            case TIME -> QueryParameterValue.time(TIME.format((LocalTime) value));
            case TIMESTAMP -> QueryParameterValue.dateTime(DATETIME.format((LocalDateTime) value));
            case TIMESTAMPTZ -> QueryParameterValue.timestamp(ChronoUnit.MICROS.between(Instant.EPOCH,
                    ((OffsetDateTime) value).toInstant()));
            case BYTES -> QueryParameterValue.bytes((byte[]) value);
            case JSON -> QueryParameterValue.json(ValueBinder.text(value));
            case OTHER -> QueryParameterValue.of((String) value, standardType(type));
            default -> QueryParameterValue.string((String) value);
        };
    }

    private static StandardSQLTypeName standardType(ColumnType type) {
        Matcher matcher = TYPE.matcher(type.label().toUpperCase(Locale.ROOT));
        return StandardSQLTypeName.valueOf(matcher.matches() ? matcher.group(1) : "STRING");
    }

    @Override
    public String delete(String table, String where) {
        return "DELETE FROM " + table + " WHERE " + (where.isEmpty() ? "TRUE" : where);
    }
}
