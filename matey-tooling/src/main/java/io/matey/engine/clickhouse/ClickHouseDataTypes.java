package io.matey.engine.clickhouse;

import io.matey.data.ColumnType;
import io.matey.data.Labels;
import io.matey.data.ValueKind;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How ClickHouse column types travel in data files. {@code Nullable} and {@code LowCardinality} change storage,
 * not values, so a column travels as its value type. {@code DateTime} and {@code DateTime64} are timestamps in the
 * column's time zone, as ClickHouse shows them; arrays are JSON arrays of their elements; maps and tuples are JSON
 * (an object, and an array of the elements in order); UUID, IPv4, IPv6 and enums travel in their text form.
 * {@code FixedString(N)} holds N bytes, so its limit counts a value's UTF-8 bytes, not its characters; an enum
 * holds only its labels, compared exactly (its values, which ClickHouse would also take, are refused naming the label).
 * Labels are the types as ClickHouse writes them.
 */
final class ClickHouseDataTypes {

    private final Map<String, ClickHouseDataType> parsed = new ConcurrentHashMap<>();

    /** The data type of a column of ClickHouse type {@code type}. */
    ColumnType of(String type) {
        return of(parse(type));
    }

    /** The parsed value type of a label ({@code Nullable} and {@code LowCardinality} unwrapped), parsed once. */
    ClickHouseDataType valueType(String label) {
        return parse(label).value();
    }

    /**
     * Whether a column of the type holds NULL: a non-{@code Nullable} one would store its default instead, on an
     * insert, or refuse the mutation that sets it.
     */
    boolean holdsNull(String label) {
        ClickHouseDataType type = parse(label);
        return type.holdsNull() || switch (type.value().name()) {
            case "Nothing", "Variant", "Dynamic", "JSON", "Object" -> true;
            default -> false;
        };
    }

    /**
     * Whether a column of the type may hold a String (or FixedString) that is not the column itself: an array, map or
     * tuple with one inside (or with JSON, read as its text, {@link ClickHouseNestedJson}), or a Variant, Dynamic or
     * JSON value, any of which may be a String. The driver reads bytes
     * that are not UTF-8 there with replacement characters, so such a column is selected checked
     * ({@link ClickHouseDataDialect#selected}).
     */
    boolean nestsText(ColumnType type) {
        ClickHouseDataType value = valueType(type.label());
        return switch (value.name()) {
            case "Array", "Map", "Tuple" -> value.nests("String") || value.nests("FixedString") || value.nests("JSON");
            case "Variant", "Dynamic", "JSON", "Object" -> true;
            default -> false;
        };
    }

    /**
     * Whether a column is read as its JSON text ({@code toJSONString}): ClickHouse's JSON, Variant and Dynamic types,
     * or arrays of them or a map with them as values, whose JSON the driver does not give (docs/architecture.md §3). A tuple is not: its JSON
     * text is an object of its named elements, where a data file has an array.
     */
    boolean readsAsJsonText(ColumnType type) {
        return jsonText(valueType(type.label()));
    }

    private static boolean jsonText(ClickHouseDataType type) {
        ClickHouseDataType value = type.value();
        return switch (value.name()) {
            case "JSON", "Variant", "Dynamic" -> true;
            case "Array" -> jsonText(value.type(0));
            case "Map" -> jsonText(value.type(1));
            default -> false;
        };
    }

    private ClickHouseDataType parse(String type) {
        return parsed.computeIfAbsent(type, ClickHouseDataType::lenient);
    }

    private ColumnType of(ClickHouseDataType declared) {
        ClickHouseDataType value = declared.value();
        String label = declared.text();
        if (value.isInteger()) {
            return ColumnType.integer(label, value.integerBits(), value.isUnsigned());
        }
        if (value.isDecimal()) {
            return ColumnType.decimal(label, value.decimalPrecision(), value.decimalScale());
        }
        return switch (value.name()) {
            case "Bool" -> ColumnType.of(ValueKind.BOOLEAN, label);
            case "Float32", "BFloat16" -> ColumnType.of(ValueKind.FLOAT32, label);
            case "Float64" -> ColumnType.of(ValueKind.FLOAT64, label);
            case "String" -> ColumnType.text(label, 0);
            case "FixedString" -> ColumnType.textOfBytes(label, value.number(0));
            case "Date", "Date32" -> ColumnType.of(ValueKind.DATE, label);
            case "DateTime", "DateTime64" -> ColumnType.of(ValueKind.TIMESTAMP, label);
            case "Array" -> ColumnType.arrayNamed(label, of(value.type(0)));
            case "Map", "Tuple", "JSON", "Object", "Variant", "Dynamic" -> ColumnType.of(ValueKind.JSON, label);
            case "Enum8", "Enum16" -> ColumnType.labelled(ValueKind.OTHER, label, new Labels(value.labels(), true, false,
                    new Labels.Codes(value.name(), value.codes())));
            default -> ColumnType.of(ValueKind.OTHER, label);
        };
    }
}
