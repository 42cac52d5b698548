package io.matey.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;

/**
 * Binds a value from {@link ValueDecoder} (or {@link ValueReader}) to a statement parameter of its column's type
 * through standard JDBC: the default of {@link DataDialect#bind}.
 */
public final class ValueBinder {

    private ValueBinder() {
    }

    public static void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            // Untyped, so that PostgreSQL accepts it for enums and other types a typed NULL would not cast to.
            ps.setNull(index, Types.NULL);
            return;
        }
        switch (type.kind()) {
            case INTEGER -> {
                if (value instanceof Long l) {
                    ps.setLong(index, l);
                } else {
                    ps.setBigDecimal(index, new BigDecimal((BigInteger) value));
                }
            }
            case BOOLEAN -> ps.setBoolean(index, (Boolean) value);
            case DECIMAL -> ps.setBigDecimal(index, (BigDecimal) value);
            case FLOAT32 -> ps.setFloat(index, (Float) value);
            case FLOAT64 -> ps.setDouble(index, (Double) value);
            case TEXT -> ps.setString(index, (String) value);
            case DATE, TIME, TIMESTAMP, TIMESTAMPTZ, ANY -> ps.setObject(index, value);
            case BYTES -> ps.setBytes(index, (byte[]) value);
            case JSON, OTHER -> ps.setString(index, text(value));
            case STRUCT -> throw new IllegalStateException("structs are bound by their engine's data dialect");
            case ARRAY -> ps.setArray(index, ps.getConnection().createArrayOf(type.elementName(), elements((List<?>) value)));
        }
    }

    /** The text of a JSON value (as Python writes it) or of an OTHER value (the type's own text form). */
    public static String text(Object value) {
        return value instanceof JsonNode json ? PythonJson.jsonText(json) : (String) value;
    }

    /** Array elements as the driver encodes them: nested lists as nested arrays, bytes as bytea's hex text. */
    private static Object[] elements(List<?> values) {
        Object[] elements = new Object[values.size()];
        for (int i = 0; i < elements.length; i++) {
            Object value = values.get(i);
            elements[i] = value instanceof List<?> nested ? elements(nested)
                    : value instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes)
                    : value instanceof JsonNode json ? PythonJson.jsonText(json) : value;
        }
        return elements;
    }
}
