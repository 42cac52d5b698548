package io.matey.engine.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * The values inside a map, tuple or array value in the one form ClickHouse reads them back in (docs/architecture.md
 * §3), as a top-level value of their type travels: a decimal as a string at its type's scale ({@code 1} in a
 * {@code Decimal(18, 4)} is {@code "1.0000"}), exact whatever the file wrote, and a decimal map key likewise, as a
 * member name; an integer map key as its number's digits ({@code "01"} is {@code "1"}); a timestamp at its type's
 * precision ({@link ClickHouseTimestamps}). So a file's value and the table's compare by value, and export writes
 * them as it writes a column of their type.
 */
final class ClickHouseNestedForms {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ClickHouseNestedForms() {
    }

    /** {@code node} with each value its type declares inside it in its one form; a value already checked, or read back. */
    static JsonNode scaled(JsonNode node, ClickHouseDataType declared) {
        ClickHouseDataType type = declared.value();
        if (node == null || node.isNull() || !type.nests("Decimal") && !type.isDecimal() && !type.nests("Map")
                && !type.nests("DateTime") && !type.nests("DateTime64")) {
            return node;
        }
        if (ClickHouseTimestamps.isTimestamp(type)) {
            return JSON.textNode(ClickHouseTimestamps.text(node.textValue(), type));
        }
        if (type.isDecimal()) {
            BigDecimal value = node.isTextual() ? new BigDecimal(node.textValue()) : node.decimalValue();
            return JSON.textNode(value.setScale(type.decimalScale()).toPlainString());
        }
        return switch (type.name()) {
            case "Map" -> {
                ObjectNode map = JSON.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    map.set(key(entry.getKey(), type.type(0)), scaled(entry.getValue(), type.type(1)));
                }
                yield map;
            }
            case "Tuple", "Array" -> {
                ArrayNode items = JSON.arrayNode();
                for (int i = 0; i < node.size(); i++) {
                    items.add(scaled(node.get(i), type.type(type.name().equals("Array") ? 0 : i)));
                }
                yield items;
            }
            default -> node;
        };
    }

    /**
     * A map key's member name as ClickHouse writes the key back: at its type's scale for a decimal key type, an
     * integer's digits without leading zeros or a plus sign for an integer key type, a timestamp at its type's
     * precision; a key already checked, or read back.
     */
    static String key(String name, ClickHouseDataType declared) {
        ClickHouseDataType type = declared.value();
        if (type.isInteger()) {
            return new BigInteger(name).toString();
        }
        if (ClickHouseTimestamps.isTimestamp(type)) {
            return ClickHouseTimestamps.text(name, type);
        }
        return type.isDecimal() ? new BigDecimal(name).setScale(type.decimalScale()).toPlainString() : name;
    }
}
