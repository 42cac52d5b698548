package io.matey.engine.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.matey.data.ColumnType;
import io.matey.data.ValueBinder;
import io.matey.data.ValueException;
import io.matey.data.ValueKind;
import io.matey.data.ValueReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads and binds ClickHouse values for data files (see {@link ClickHouseDataTypes} for how each type travels).
 * Timestamps are bound as text, which ClickHouse reads in the column's time zone, the zone it reads them back in.
 * IPv6 addresses are written as ClickHouse writes them ({@code ::1}, {@code ::ffff:10.0.0.1}), not as Java does.
 */
final class ClickHouseDataValues {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ClickHouseDataTypes types;

    ClickHouseDataValues(ClickHouseDataTypes types) {
        this.types = types;
    }

    /** A column's value, selected as {@link ClickHouseDataDialect#selected} reads it. */
    Object read(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        if (type.kind() == ValueKind.TEXT) {
            return text(rs.getString(index), fixed(type));
        }
        if (types.readsAsJsonText(type)) {
            JsonNode json = (JsonNode) ValueReader.json(text(rs.getString(index), false));
            return listed(ClickHouseNestedForms.scaled(json, types.valueType(type.label())), type);
        }
        return types.nestsText(type) ? checked(rs.getArray(index), type) : element(rs, index, type);
    }

    /**
     * An array, map or tuple with Strings inside, selected as a one-element array of it when its text is UTF-8 and an
     * empty one when not: bytes that are not UTF-8 have no file form, as in a String ({@link #text}).
     */
    private Object checked(Array selected, ColumnType type) throws SQLException, ValueException {
        try (ResultSet rs = selected.getResultSet()) {
            if (!rs.next()) {
                throw new ValueException("holds a String with bytes that are not UTF-8, which no data file form holds;"
                        + " store UTF-8 text in it");
            }
            return element(rs, 2, type);
        } finally {
            selected.free();
        }
    }

    /**
     * JSON read as text, as a list of the JSON values of its elements for an array column (lists for a dimension);
     * a null element ({@code Array(Nullable(JSON))}) as the null the decoder makes of the file's.
     */
    private static Object listed(JsonNode json, ColumnType type) {
        if (json == null || json.isNull()) {
            return null;
        }
        if (type.kind() != ValueKind.ARRAY) {
            return json;
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode item : json) {
            values.add(listed(item, type.element()));
        }
        return values;
    }

    private boolean fixed(ColumnType type) {
        return types.valueType(type.label()).name().equals("FixedString");
    }

    /** A value as the driver reads it: an array's element, or a column not selected as hex. */
    private Object element(ResultSet rs, int index, ColumnType type) throws SQLException, ValueException {
        Object value = switch (type.kind()) {
            case TIMESTAMP -> timestamp(rs.getObject(index));
            case DATE -> date(rs.getObject(index));
            case TEXT -> fixed(type) ? unpadded(rs.getString(index)) : ValueReader.read(rs, index, type);
            case ARRAY -> array(rs.getArray(index), type.element());
            case JSON -> {
                ClickHouseDataType declared = types.valueType(type.label());
                yield ClickHouseNestedForms.scaled(ClickHouseNestedJson.parsed(json(rs.getObject(index)), declared),
                        declared);
            }
            case OTHER -> other(rs.getObject(index), types.valueType(type.label()).name().equals("IPv6"));
            default -> ValueReader.read(rs, index, type);
        };
        return rs.wasNull() ? null : value;
    }

    /**
     * A timestamp as the driver gives it: a {@code LocalDateTime} for a column, a {@code Timestamp} for an array's
     * element, which the driver made from that local date-time and cannot convert back itself.
     */
    private static LocalDateTime timestamp(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) value;
    }

    /**
     * A date as the driver gives it: a {@code LocalDate} for a column, a {@code java.sql.Date} for an array's element,
     * which the driver made from that local date and cannot convert back itself.
     */
    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    void bind(PreparedStatement ps, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.NULL);
            return;
        }
        switch (type.kind()) {
            case TIMESTAMP -> ps.setString(index, TIMESTAMP.format((LocalDateTime) value));
            case INTEGER, DECIMAL -> {
                if (value instanceof Long l) {
                    ps.setLong(index, l);
                } else {
                    ps.setString(index, exact(value));
                }
            }
            case ARRAY -> ps.setObject(index, elements((List<?>) value, type.element()));
            case JSON -> ps.setString(index, value.toString()); // ClickHouse's JSON from its text
            default -> ValueBinder.bind(ps, index, type, value);
        }
    }

    /**
     * A wide integer or a decimal as text: the driver writes a number as a literal, which ClickHouse reads as a
     * Float64 in an expression (a mutation's value, a condition) once it has a fraction or does not fit 64 bits, and
     * text is cast to the column's type exactly in every statement (docs/architecture.md §3).
     */
    private static String exact(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /**
     * A String's bytes, read as hex ({@link ClickHouseDataDialect#selected}), as text. ClickHouse's strings hold any
     * bytes, and a file only UTF-8 text, which the driver would read with replacement characters instead: bytes that
     * are not UTF-8 have no file form, so they are refused.
     */
    private static String text(String hex, boolean fixed) throws ValueException {
        if (hex == null) {
            return null;
        }
        ClickHouseUtf8 bytes = ClickHouseUtf8.ofHex(hex);
        String value = bytes.text();
        if (value == null) {
            throw new ValueException("holds bytes that are not UTF-8 (" + bytes.shown() + "), which no data file form "
                    + "holds; store UTF-8 text in it");
        }
        return fixed ? unpadded(value) : value;
    }

    /**
     * A FixedString without the zero bytes ClickHouse pads a shorter value with, so that {@code "ab"} in a
     * FixedString(4) reads back as the data file wrote it (docs/architecture.md §3).
     */
    private static String unpadded(String value) {
        int end = value == null ? 0 : value.length();
        while (end > 0 && value.charAt(end - 1) == '\0') {
            end--;
        }
        return value == null ? null : value.substring(0, end);
    }

    /**
     * A value as the one-column JSONEachRow row {@code {"v": ...}}: its data file JSON, arrays of which hold the
     * JSON values of their elements.
     */
    String jsonRow(Object value) {
        return JSON.objectNode().set("v", tree(value)).toString();
    }

    private static JsonNode tree(Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = JSON.arrayNode();
            list.forEach(item -> array.add(tree(item)));
            return array;
        }
        return value == null ? JSON.nullNode() : (JsonNode) value;
    }

    private List<Object> array(Array array, ColumnType element) throws SQLException, ValueException {
        if (array == null) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        try (ResultSet rs = array.getResultSet()) {
            while (rs.next()) {
                values.add(element(rs, 2, element));
            }
        } finally {
            array.free();
        }
        return values;
    }

    /** Array elements as the driver encodes them; timestamps as text, ClickHouse's JSON as its text. */
    private static List<Object> elements(List<?> values, ColumnType element) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object value : values) {
            out.add(value == null ? null : switch (element.kind()) {
                case TIMESTAMP -> TIMESTAMP.format((LocalDateTime) value);
                case ARRAY -> elements((List<?>) value, element.element());
                case JSON -> value.toString();
                case INTEGER, DECIMAL -> value instanceof Long ? value : exact(value);
                default -> value;
            });
        }
        return out;
    }

    /** A map, tuple or array value read from the driver as a JSON tree. */
    private static JsonNode json(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = JSON.objectNode();
            // a timestamp key as its local time, as a value is read ({@link ClickHouseNestedForms#key})
            map.forEach((k, v) -> object.set(k instanceof BigDecimal decimal ? decimal.toPlainString()
                    : k instanceof Temporal ? json(k).textValue() : String.valueOf(other(k, false)), json(v)));
            return object;
        }
        if (value instanceof Object[] || value instanceof List<?> || value instanceof Array) {
            ArrayNode array = JSON.arrayNode();
            for (Object item : items(value)) {
                array.add(json(item));
            }
            return array;
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof BigInteger big) {
            return JSON.numberNode(big);
        }
        if (value instanceof BigDecimal decimal) {
            return JSON.numberNode(decimal);
        }
        if (value instanceof Float f) {
            return JSON.numberNode(f);
        }
        if (value instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (value instanceof Number n) {
            return JSON.numberNode(n.longValue());
        }
        if (value instanceof ZonedDateTime time) {
            // a timestamp nested in a map or tuple, in its column's zone: its local time, as a column's is read
            return JSON.textNode(time.toLocalDateTime().toString());
        }
        if (value instanceof OffsetDateTime time) {
            return JSON.textNode(time.toLocalDateTime().toString());
        }
        return JSON.textNode(value instanceof LocalDateTime time ? time.toString() : String.valueOf(other(value, false)));
    }

    private static List<?> items(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        try {
            // Arrays.asList, not List.of: a tuple's Nullable element may be null
            return Arrays.asList((Object[]) (value instanceof Array array ? array.getArray() : value));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text form of values ClickHouse reads back from text: UUIDs, enum labels, IP addresses. The driver hands
     * an IPv4-mapped IPv6 value over as an IPv4 address, so an IPv6 column maps it back.
     */
    private static Object other(Object value, boolean ipv6) {
        if (value instanceof Inet6Address v6) {
            return ipv6(v6.getAddress());
        }
        if (value instanceof Inet4Address v4) {
            return ipv6 ? "::ffff:" + v4.getHostAddress() : v4.getHostAddress();
        }
        return value == null ? null : value instanceof InetAddress ip ? ip.getHostAddress() : value.toString();
    }

    /**
     * RFC 5952 text, as ClickHouse writes IPv6: lower-case hex, the longest run of two or more zero groups as
     * {@code ::},.
     */
    static String ipv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
