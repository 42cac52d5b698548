package io.matey.engine.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.matey.data.ColumnType;
import io.matey.data.DataDialect;
import io.matey.data.ValueException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks the values inside a data file's {@code Map} or {@code Tuple} value against the types the column declares
 * (docs/architecture.md §3), as a column of each type is checked: ClickHouse would otherwise wrap an out-of-range
 * integer ({@code 300} in a {@code Map(String, UInt8)} is stored as 44), store a non-{@code Nullable} value's default
 * for a null, or fail the write after earlier files of the set were written.
 */
final class ClickHouseNestedValues {

    private final ClickHouseDataTypes types;

    ClickHouseNestedValues(ClickHouseDataTypes types) {
        this.types = types;
    }

    void check(JsonNode node, ColumnType column, DataDialect.NestedValues nested) throws ValueException {
        ClickHouseDataType type = types.valueType(column.label());
        switch (type.name()) {
            case "Map" -> map(node, type, nested);
            case "Tuple" -> tuple(node, type, nested);
            case "JSON" -> object(node);
            default -> { } // ClickHouse's Object holds any JSON
        }
    }

    /** ClickHouse's JSON holds only objects: another value would fail the write, after earlier files of the set. */
    private static void object(JsonNode node) throws ValueException {
        if (!node.isObject()) {
            throw new ValueException("expected a JSON object (ClickHouse's JSON holds no other value), got " + shown(node));
        }
    }

    /** A JSON object: each member name a key of the key type (an integer's as a number), each value of the value type. */
    private void map(JsonNode node, ClickHouseDataType type, DataDialect.NestedValues nested) throws ValueException {
        if (!node.isObject()) {
            throw new ValueException("expected a JSON object of the keys and values of " + type.text() + ", got "
                    + shown(node));
        }
        ColumnType key = types.of(type.type(0).text());
        ColumnType value = types.of(type.type(1).text());
        Map<String, String> names = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String where = "key " + JsonNodeFactory.instance.textNode(entry.getKey());
            check(keyNode(entry.getKey(), key), key, where, nested);
            check(entry.getValue(), value, "the value of " + where, nested);
            sameKey(names.put(ClickHouseNestedForms.key(entry.getKey(), type.type(0)), entry.getKey()),
                    entry.getKey(), key);
        }
    }

    /**
     * Two member names of one key ({@code "2"} and {@code "2.0"} of a decimal key), which the table would hold as
     * two entries read back under one name, so that apply never settled.
     */
    private static void sameKey(String earlier, String name, ColumnType key) throws ValueException {
        if (earlier != null) {
            throw new ValueException("keys " + JsonNodeFactory.instance.textNode(earlier) + " and "
                    + JsonNodeFactory.instance.textNode(name) + " are the same " + key.label() + " key; write it once");
        }
    }

    /** A JSON array of exactly the tuple's elements, in order, each of its element type. */
    private void tuple(JsonNode node, ClickHouseDataType type, DataDialect.NestedValues nested) throws ValueException {
        List<ClickHouseDataType.Argument> elements = type.arguments();
        if (!node.isArray() || node.size() != elements.size()) {
            throw new ValueException("expected a JSON array of the " + elements.size() + " elements of " + type.text()
                    + " in order, got " + shown(node));
        }
        for (int i = 0; i < elements.size(); i++) {
            ClickHouseDataType.Argument element = elements.get(i);
            check(node.get(i), types.of(element.type().text()),
                    "element " + (i + 1) + (element.field() == null ? "" : " '" + element.field() + "'"), nested);
        }
    }

    private static void check(JsonNode node, ColumnType type, String where, DataDialect.NestedValues nested)
            throws ValueException {
        try {
            nested.check(node, type);
        } catch (ValueException e) {
            throw new ValueException(where + " (" + type.label() + "): " + e.getMessage());
        }
    }

    /** A member name as the key it stands for: a number for an integer key type, where the name is one. */
    private static JsonNode keyNode(String name, ColumnType key) {
        if (key.min() != null) {
            try {
                return JsonNodeFactory.instance.numberNode(new BigInteger(name));
            } catch (NumberFormatException e) {
                // not a number: refused as text where an integer is expected
            }
        }
        return JsonNodeFactory.instance.textNode(name);
    }

    private static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
