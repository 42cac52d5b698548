package io.matey.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a JSON value of a data file to its column's type, as the live catalog declares it, checking that it
 * fits: integer ranges, decimal digits, lengths the database enforces, ISO-8601 forms, hex. The result is the
 * same Java value {@link ValueReader} reads back, so a row can be compared with the database.
 */
final class ValueDecoder {

    private static final int SHOWN = 40;

    private final DataDialect dialect;

    ValueDecoder(DataDialect dialect) {
        this.dialect = dialect;
    }

    Object decode(JsonNode node, ColumnType type) throws ValueException {
        if (node.isNull() || node.isMissingNode()) {
            if (type.kind() == ValueKind.ARRAY && dialect.nullArraysAreEmpty()) {
                return List.of();
            }
            if (!dialect.holdsNull(type)) {
                throw new ValueException("null, which " + type.label() + " cannot hold (the database would store another"
                        + " value); write a value, or leave the column out of the row to get its default");
            }
            return null;
        }
        Temporal infinity = infinity(node, type.kind());
        if (infinity != null) {
            return infinity;
        }
        return switch (type.kind()) {
            case INTEGER -> integer(node, type);
            case BOOLEAN -> bool(node, type, dialect.booleansAreIntegers());
            case DECIMAL -> decimal(node, type);
            case FLOAT32 -> exactly(node, (float) finite(node, Float.MAX_VALUE), type);
            case FLOAT64 -> exactly(node, finite(node, Double.MAX_VALUE), type);
            case TEXT -> text(node, type);
            case DATE -> dialect.time(temporal(node, "an ISO-8601 date (YYYY-MM-DD)", IsoTimes::parseDate), type);
            case TIME -> temporal(node, "an ISO-8601 time (HH:MM:SS[.ffffff])", IsoTimes::parseTime);
            case TIMESTAMP -> dialect.time(timestamp(node, type), type);
            case TIMESTAMPTZ -> timestampWithZone(node);
            case BYTES -> bytes(node);
            case JSON -> json(PythonJson.wrapped(node) ? node.get(PythonJson.WRAPPER) : node, type);
            case ARRAY -> array(node, type.element());
            case STRUCT -> struct(node, type);
            case OTHER -> dialect.otherValue(labelled(other(node, type), type), type);
            case ANY -> any(node);
        };
    }

    /** The dialect's check of whole rows of {@code table}, or null when it has none. */
    DataDialect.RowCheck rowCheck(LiveTable table) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        for (Column column : table.dataColumns()) {
            columns.put(column.name(), column.type());
        }
        return dialect.rowCheck(columns);
    }

    /** {@code "infinity"} or {@code "-infinity"} in a date or timestamp column of an engine that has them; else null. */
    private Temporal infinity(JsonNode node, ValueKind kind) {
        if (!node.isTextual() || !dialect.timesHaveInfinities()
                || kind != ValueKind.DATE && kind != ValueKind.TIMESTAMP && kind != ValueKind.TIMESTAMPTZ) {
            return null;
        }
        IsoTimes.Infinity infinity = IsoTimes.Infinity.parse(node.textValue());
        return infinity == null ? null : infinity.as(kind);
    }

    /** JSON as the database reads it back, once the values its type declares inside it are checked ({@code checkJson}). */
    private JsonNode json(JsonNode node, ColumnType type) throws ValueException {
        return dialect.checkJson(node, type, this::decode);
    }

    /**
     * A JSON array of elements of the element type. An array inside is a further dimension of the same element type
     * (PostgreSQL's), unless the element is JSON or itself an array (ClickHouse's {@code Array(Array(JSON))}), whose
     * elements are then decoded as that type.
     */
    private List<Object> array(JsonNode node, ColumnType element) throws ValueException {
        if (!node.isArray()) {
            throw wrong(node, "a JSON array of " + element.label() + " values");
        }
        boolean dimension = element.kind() != ValueKind.JSON && element.kind() != ValueKind.ARRAY;
        List<Object> values = new ArrayList<>();
        for (JsonNode item : node) {
            values.add(item.isArray() && dimension ? array(item, element) : decode(item, element));
        }
        return values;
    }

    /** A JSON object with some of the struct's fields, each of its type; a field left out is null. */
    private Map<String, Object> struct(JsonNode node, ColumnType type) throws ValueException {
        if (!node.isObject()) {
            throw wrong(node, "a JSON object of the fields of " + type.label());
        }
        for (String name : (Iterable<String>) node::fieldNames) {
            if (!type.fields().containsKey(name)) {
                throw new ValueException("has field '" + name + "', which " + type.label() + " lacks");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> field : type.fields().entrySet()) {
            values.put(field.getKey(), decode(node.path(field.getKey()), field.getValue()));
        }
        return values;
    }

    private static Object integer(JsonNode node, ColumnType type) throws ValueException {
        if (!node.isIntegralNumber()) {
            throw wrong(node, "an integer");
        }
        if ((node.isInt() || node.isLong()) && type.min().bitLength() < 64 && type.max().bitLength() < 64) {
            // Within 64 bits, as most columns and values are: the same check without a BigInteger per value.
            long value = node.longValue();
            if (value < type.min().longValue() || value > type.max().longValue()) {
                throw new ValueException(value + " is out of range [" + type.min() + ", " + type.max() + "]");
            }
            return value;
        }
        BigInteger value = node.bigIntegerValue();
        if (value.compareTo(type.min()) < 0 || value.compareTo(type.max()) > 0) {
            throw new ValueException(value + " is out of range [" + type.min() + ", " + type.max() + "]");
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    /** A string such as "12.50" (as exported) or a JSON number, kept exact; padded to the declared scale. */
    private static BigDecimal decimal(JsonNode node, ColumnType type) throws ValueException {
        BigDecimal value;
        if (node.isTextual()) {
            try {
                value = new BigDecimal(node.textValue());
            } catch (NumberFormatException e) {
                throw new ValueException(show(node) + " is not a decimal");
            }
        } else if (node.isNumber() && !node.isDouble()) {
            value = node.decimalValue();
        } else {
            throw wrong(node, "a decimal string such as \"12.50\"");
        }
        if (type.precision() == 0) {
            return value;
        }
        // Stripping zeros only lowers the scale, so a value within it needs no stripped copy.
        if (value.scale() > type.scale() && value.stripTrailingZeros().scale() > type.scale()) {
            throw new ValueException(value.toPlainString() + " has more than " + type.scale() + " digit(s) after the point");
        }
        BigDecimal scaled = value.setScale(type.scale(), RoundingMode.UNNECESSARY);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            throw new ValueException(value.toPlainString() + " has more than " + (type.precision() - type.scale())
                    + " digit(s) before the point");
        }
        return scaled;
    }

    /** Any JSON number, and Python's NaN and Infinity; a finite number too large for the type is refused. */
    private static double finite(JsonNode node, double limit) throws ValueException {
        if (!node.isNumber()) {
            throw wrong(node, "a number");
        }
        double value = node.doubleValue();
        if (!Double.isNaN(value) && !node.isDouble() && Math.abs(value) > limit) {
            throw new ValueException(show(node) + " is out of range");
        }
        return value;
    }

    /**
     * A file's number that the float type holds as written: one with more digits than it keeps (16777217 in a 4-byte
     * float is 16777216) would be stored, compared and exported as another number, so it is refused with that one.
     */
    private static <T extends Number> T exactly(JsonNode node, T value, ColumnType type) throws ValueException {
        if (node.isDouble() || Double.isInfinite(value.doubleValue()) || Double.isNaN(value.doubleValue())) {
            return value;
        }
        String stored = value instanceof Float f ? PythonFloats.repr(f) : PythonFloats.repr(value.doubleValue());
        if (new BigDecimal(stored).compareTo(node.decimalValue()) != 0) {
            throw new ValueException(show(node) + " has more digits than " + type.label() + " keeps: the database would"
                    + " store " + stored + "; write that, or keep the digits in a DECIMAL column");
        }
        return value;
    }

    private static String text(JsonNode node, ColumnType type) throws ValueException {
        if (type.labels() != null && type.labels().codes() != null) {
            refuseNumber(node, type.labels()); // a MySQL ENUM's index
        }
        String value = string(node, "a string");
        if (type.maxLength() > 0 && value.codePointCount(0, value.length()) > type.maxLength()) {
            throw new ValueException(show(node) + " is longer than " + type.maxLength() + " characters");
        }
        int bytes = type.maxBytes() > 0 ? value.getBytes(StandardCharsets.UTF_8).length : 0;
        if (bytes > type.maxBytes()) {
            throw new ValueException(show(node) + " is " + bytes + " bytes in UTF-8, longer than the " + type.maxBytes()
                    + " bytes " + type.label() + " holds (its length counts bytes, not characters)");
        }
        return labelled(value, type);
    }

    /** A value in the type's text form; a number for an enum refused naming the label it stands for. */
    private static String other(JsonNode node, ColumnType type) throws ValueException {
        if (type.labels() != null) {
            refuseNumber(node, type.labels());
        }
        return string(node, "a string in the type's text form");
    }

    /** An integer given for a label, which the database would take as a label's number, refused naming the label. */
    private static void refuseNumber(JsonNode node, Labels labels) throws ValueException {
        if (node.canConvertToLong() && node.isIntegralNumber()) {
            throw labels.number(node.longValue(), node.toString());
        }
    }

    private static String labelled(String value, ColumnType type) throws ValueException {
        return type.labels() == null ? value : type.labels().canonical(value);
    }

    private interface Parser {
        Temporal parse(String text) throws DateTimeParseException;
    }

    private static Temporal temporal(JsonNode node, String expected, Parser parser) throws ValueException {
        String text = string(node, expected);
        try {
            return parser.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValueException(show(node) + " is not " + expected);
        }
    }

    /**
     * A column without a time zone refuses an offset, unless the engine keeps it as given (SQLite); one holding
     * instants in a zone names the local time to write for the same instant.
     */
    private Temporal timestamp(JsonNode node, ColumnType type) throws ValueException {
        Temporal value = temporal(node, "an ISO-8601 timestamp (YYYY-MM-DDTHH:MM:SS[.ffffff])", IsoTimes::parseDateTime);
        if (value instanceof OffsetDateTime instant && !dialect.timestampsKeepOffsets()) {
            ZoneId zone = dialect.timestampZone(type);
            throw new ValueException(show(node) + (zone == null ? " has a UTC offset, but the column has no time zone: "
                    + "write the time without it, as the column holds it" : " has a UTC offset, but data files write "
                    + type.label() + " as its local time in " + zone + ", without one: write \""
                    + IsoTimes.text(instant.atZoneSameInstant(zone).toLocalDateTime()) + "\" for this instant"));
        }
        return value;
    }

    /** Compared and written as the same instant in UTC, as export writes it. */
    private static OffsetDateTime timestampWithZone(JsonNode node) throws ValueException {
        Temporal value = temporal(node, "an ISO-8601 timestamp with offset (YYYY-MM-DDTHH:MM:SS[.ffffff]+HH:MM)",
                IsoTimes::parseDateTime);
        if (value instanceof LocalDateTime) {
            throw new ValueException(show(node) + " lacks a UTC offset such as +00:00");
        }
        return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Hex; a boolean or a natural number (a MySQL BIT's) is refused naming its bytes' hex, as export writes them. */
    private static byte[] bytes(JsonNode node) throws ValueException {
        if (node.isBoolean() || node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0) {
            String hex = node.isBoolean() ? node.booleanValue() ? "1" : "0" : node.bigIntegerValue().toString(16);
            throw new ValueException(wrong(node, "a hex string").getMessage() + ": bytes are written as the hex of each"
                    + " byte, \"" + (hex.length() % 2 == 0 ? "" : "0") + hex + "\" for this value");
        }
        String text = string(node, "a hex string");
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new ValueException(show(node) + " is not an even number of hex digits");
        }
    }

    /**
     * A SQLite column without a type (or of a type that gives it no affinity) stores a string or number as given. A
     * JSON object or array would be stored as its text and a boolean as 1 or 0, which export writes back as a string
     * and a number, so they are refused, as every engine refuses them in a text column (README "Data sets").
     */
    private static Object any(JsonNode node) throws ValueException {
        if (node.isIntegralNumber()) {
            return integer(node, ColumnType.integer("integer", 64, false));
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            throw new ValueException(wrong(node, "a string or a number").getMessage() + ": SQLite would store "
                    + (node.booleanValue() ? 1 : 0) + ", which export writes back as a number; write 1 or 0, or declare"
                    + " the column BOOLEAN");
        }
        throw new ValueException(wrong(node, "a string or a number").getMessage() + ": SQLite would store its text, "
                + "which export writes back as a string; declare the column JSON to hold JSON values, or write this one"
                + " as a JSON string");
    }

    /**
     * {@code true} or {@code false}; also {@code 1} or {@code 0} where booleans are integers, and there the other
     * integers of the column's range, where it has one, as numbers.
     */
    private static Object bool(JsonNode node, ColumnType type, boolean integers) throws ValueException {
        if (integers && node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.equals(BigInteger.ZERO) || value.equals(BigInteger.ONE)) {
                return value.equals(BigInteger.ONE);
            }
            if (type.min() != null) {
                return integer(node, type);
            }
        }
        if (!node.isBoolean()) {
            throw wrong(node, integers ? "true, false, 1 or 0" : "true or false");
        }
        return node.booleanValue();
    }

    private static String string(JsonNode node, String expected) throws ValueException {
        if (!node.isTextual()) {
            throw wrong(node, expected);
        }
        return node.textValue();
    }

    private static ValueException wrong(JsonNode node, String expected) {
        return new ValueException("expected " + expected + ", got " + show(node));
    }

    private static String show(JsonNode node) {
        String text = node.toString();
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text;
    }
}
