package io.matey.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads column values through standard JDBC into the Java values {@link PythonJson} writes: Long or BigInteger,
 * Boolean, BigDecimal, Float, Double, String, java.time values, byte[], JSON trees and lists (arrays). The default
 * of {@link DataDialect#read}; an engine that stores values differently reads them itself with the helpers here.
 */
public final class ValueReader {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ValueReader() {
    }

    public static Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        Object value = switch (type.kind()) {
            case INTEGER -> type.max().compareTo(LONG_MAX) > 0 ? unsigned(rs.getBigDecimal(index)) : rs.getLong(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DECIMAL -> padded(rs.getBigDecimal(index), type);
            case FLOAT32 -> rs.getFloat(index);
            case FLOAT64 -> rs.getDouble(index);
            case TEXT, OTHER, ANY -> rs.getString(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMPTZ -> utc(rs.getObject(index, OffsetDateTime.class));
            case BYTES -> rs.getBytes(index);
            case JSON -> json(rs.getString(index));
            case ARRAY -> array(rs.getArray(index), type.element());
            case STRUCT -> throw new IllegalStateException("structs are read by their engine's data dialect");
        };
        return rs.wasNull() ? null : value;
    }

    /** The elements in order, each read as its element type; a nested array is a further dimension. */
    private static List<Object> array(Array array, ColumnType element) throws SQLException, ValueException {
        if (array == null) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        try (ResultSet rs = array.getResultSet()) {
            while (rs.next()) {
                Object raw = rs.getObject(2);
                values.add(raw instanceof Array nested ? array(nested, element) : read(rs, 2, element));
            }
        } finally {
            array.free();
        }
        return values;
    }

    private static Object unsigned(BigDecimal value) {
        return value == null ? null : integer(value.toBigIntegerExact());
    }

    private static Object integer(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** A decimal with fewer digits than the declared scale (SQLite's REAL storage) is padded: "12.5" → "12.50". */
    public static BigDecimal padded(BigDecimal value, ColumnType type) {
        return value != null && type.precision() > 0 && value.scale() < type.scale()
                ? value.setScale(type.scale(), RoundingMode.UNNECESSARY) : value;
    }

    private static OffsetDateTime utc(OffsetDateTime value) {
        return value == null || IsoTimes.Infinity.of(value) != null ? value : value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** JSON text, such as a JSON column holds, as a tree; null for null. */
    public static Object json(String text) throws ValueException {
        if (text == null) {
            return null;
        }
        try {
            return JsonlFile.parse(text);
        } catch (JsonProcessingException e) {
            throw new ValueException("holds invalid JSON: " + e.getOriginalMessage());
        }
    }
}
