package io.matey.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.matey.artifact.CodePointOrder;
import io.matey.artifact.CompactJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON text exactly as Python's {@code json.dumps(value, sort_keys=True)} writes it, so files exported by either
 * tool are byte for byte the same: separators {@code ", "} and {@code ": "}, keys sorted by code point,
 * everything outside printable ASCII escaped as lower-case {@code \\uXXXX}. Column values map as Python matey
 * maps them: decimals, dates, times and bytes (lower-case hex) become strings, JSON columns nest, arrays are
 * lists and structs objects.
 */
final class PythonJson {

    /** Python compares strings by code point; Java's {@code compareTo} by UTF-16 unit, which differs above U+FFFF. */
    static final Comparator<String> KEY_ORDER = CodePointOrder.INSTANCE;

    private static final HexFormat HEX = HexFormat.of();

    private PythonJson() {
    }

    /** One object whose keys are already in {@link #KEY_ORDER}; {@code values} may go on beyond the keys. */
    static String object(List<String> sortedKeys, Object[] values) {
        StringBuilder out = new StringBuilder(32 * sortedKeys.size());
        out.append('{');
        for (int i = 0; i < sortedKeys.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            string(out, sortedKeys.get(i));
            out.append(": ");
            value(out, values[i]);
        }
        return out.append('}').toString();
    }

    static String value(Object value) {
        StringBuilder out = new StringBuilder();
        value(out, value);
        return out.toString();
    }

    static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Long l) {
            out.append(l.longValue()); // without a string per key: rows are matched by their keys' text
        } else if (value instanceof Integer || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(PythonFloats.repr(d));
        } else if (value instanceof Float f) {
            out.append(PythonFloats.repr(f));
        } else if (value instanceof BigDecimal d) {
            string(out, d.toPlainString());
        } else if (value instanceof byte[] bytes) {
            string(out, HEX.formatHex(bytes));
        } else if (value instanceof Temporal t) {
            string(out, IsoTimes.text(t));
        } else if (value instanceof JsonNode node) {
            json(out, node);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i > 0 ? ", " : "");
                value(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(key -> keys.add((String) key));
            keys.sort(KEY_ORDER);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                out.append(i > 0 ? ", " : "");
                string(out, keys.get(i));
                out.append(": ");
                value(out, map.get(keys.get(i)));
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("No JSON form for " + value.getClass().getName());
        }
    }

    /** Nested JSON as Python's json module reads it: non-integral numbers are floats. */
    private static void json(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            keys.sort(KEY_ORDER);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                string(out, keys.get(i));
                out.append(": ");
                json(out, node.get(keys.get(i)));
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                json(out, it.next());
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(PythonFloats.repr(node.doubleValue()));
        } else if (node.isTextual()) {
            string(out, node.textValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else {
            out.append("null");
        }
    }

    static void string(StringBuilder out, String value) {
        CompactJson.appendString(out, value);
    }
}
