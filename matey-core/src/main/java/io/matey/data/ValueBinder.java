package io.matey.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.temporal.Temporal;
import java.util.HexFormat;
import java.util.List;

/** Binds a value from {@link ValueDecoder} (or {@link ValueReader}) to a statement parameter of its column's type. */
final class ValueBinder {

    private final DataDialect dialect;

    ValueBinder(DataDialect dialect) {
        this.dialect = dialect;
    }

    void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
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
            // SQLite has no date types: values are stored as the ISO text the files hold.
            case DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> {
                if (dialect == DataDialect.SQLITE) {
                    ps.setString(index, IsoTimes.text((Temporal) value));
                } else {
                    ps.setObject(index, value);
                }
            }
            case BYTES -> ps.setBytes(index, (byte[]) value);
            case JSON -> other(ps, index, PythonJson.value((JsonNode) value));
            case ARRAY -> ps.setArray(index, ps.getConnection().createArrayOf(type.elementName(), elements((List<?>) value)));
            case OTHER -> other(ps, index, (String) value);
            case ANY -> ps.setObject(index, value);
        }
    }

    /** Array elements as the driver encodes them: nested lists as nested arrays, bytes as bytea's hex text. */
    private static Object[] elements(List<?> values) {
        Object[] elements = new Object[values.size()];
        for (int i = 0; i < elements.length; i++) {
            Object value = values.get(i);
            elements[i] = value instanceof List<?> nested ? elements(nested)
                    : value instanceof byte[] bytes ? "\\x" + HexFormat.of().formatHex(bytes)
                    : value instanceof JsonNode json ? PythonJson.value(json) : value;
        }
        return elements;
    }

    /** PostgreSQL casts an untyped string to the column's type (jsonb, uuid, an enum, an array, ...). */
    private void other(PreparedStatement ps, int index, String text) throws SQLException {
        if (dialect == DataDialect.POSTGRES) {
            ps.setObject(index, text, Types.OTHER);
        } else {
            ps.setString(index, text);
        }
    }
}
