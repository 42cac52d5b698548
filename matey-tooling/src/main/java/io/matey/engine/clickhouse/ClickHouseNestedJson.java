package io.matey.engine.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.matey.data.ValueException;
import io.matey.data.ValueReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * ClickHouse's {@code JSON} values inside a tuple (also one in an array or a map), read as their JSON text
 * (docs/architecture.md §3): the driver gives no JSON text for them, and the whole column's {@code toJSONString}
 * would write a named tuple as an object, where a data file has an array, and every other value inside in
 * ClickHouse's JSON forms. So the select turns each {@code JSON} inside into its {@code toJSONString}, a String the
 * driver reads (checked as UTF-8 as any nested String is), and the read value's texts there are parsed back.
 */
final class ClickHouseNestedJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ClickHouseNestedJson() {
    }

    /**
     * {@code expression} of {@code type} with each JSON inside it as its JSON text; one without JSON as it is. (A
     * column with JSON outside any tuple the dialect reads whole as JSON text instead.)
     */
    static String selected(String expression, ClickHouseDataType type) {
        return selected(expression, type, 0);
    }

    private static String selected(String expression, ClickHouseDataType type, int depth) {
        ClickHouseDataType value = type.value();
        if (!value.nests("JSON")) {
            return expression;
        }
        return switch (value.name()) {
            case "JSON" -> "toJSONString(" + expression + ")";
            case "Array" -> "arrayMap(e" + depth + " -> " + selected("e" + depth, value.type(0), depth + 1) + ", "
                    + expression + ")";
            case "Map" -> "mapApply((k" + depth + ", v" + depth + ") -> (k" + depth + ", "
                    + selected("v" + depth, value.type(1), depth + 1) + "), " + expression + ")";
            case "Tuple" -> {
                List<String> elements = new ArrayList<>();
                for (int i = 0; i < value.arguments().size(); i++) {
                    elements.add(selected("tupleElement(" + expression + ", " + (i + 1) + ")", value.type(i), depth));
                }
                yield "tuple(" + String.join(", ", elements) + ")";
            }
            default -> expression;
        };
    }

    /** A value read as {@link #selected} selects it, with the JSON texts inside parsed. */
    static JsonNode parsed(JsonNode node, ClickHouseDataType type) throws ValueException {
        ClickHouseDataType value = type.value();
        if (node == null || node.isNull() || !value.nests("JSON")) {
            return node;
        }
        return switch (value.name()) {
            case "JSON" -> (JsonNode) ValueReader.json(node.textValue());
            case "Array", "Tuple" -> {
                ArrayNode items = JSON.arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    items.add(parsed(node.get(i), value.type(value.name().equals("Array") ? 0 : i)));
                }
                yield items;
            }
            case "Map" -> {
                ObjectNode map = JSON.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    map.set(entry.getKey(), parsed(entry.getValue(), value.type(1)));
                }
                yield map;
            }
            default -> node;
        };
    }
}
