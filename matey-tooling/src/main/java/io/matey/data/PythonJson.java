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
import java.util.Locale;
import java.util.Map;

/**
 * JSON text as Python's {@code json.dumps(value, sort_keys=True, ensure_ascii=False)} writes it: separators
 * {@code ", "} and {@code ": "}, keys sorted by code point, text as UTF-8 (see {@link #string} for what stays
 * escaped). Column values map as Python matey maps them: decimals, dates, times and bytes (lower-case hex) become
 * strings, JSON columns nest, arrays are lists and structs objects.
 */
final class PythonJson {

    /** Python compares strings by code point; Java's {@code compareTo} by UTF-16 unit, which differs above U+FFFF. */
    static final Comparator<String> KEY_ORDER = CodePointOrder.INSTANCE;

    /** The key of the object that wraps a JSON column's value where the value alone would be misread. */
    static final String WRAPPER = "$json";

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
            column(out, node);
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

    /**
     * A JSON column's value: the JSON itself, except a JSON {@code null}, which {@code null} (SQL NULL) does not
     * stand for, and an object whose only key is {@value #WRAPPER}, which would read back as such a null: those are
     * wrapped as {@code {"$json": value}}, which {@link ValueDecoder} unwraps.
     */
    private static void column(StringBuilder out, JsonNode node) {
        if (wrapped(node)) {
            out.append('{');
            string(out, WRAPPER);
            out.append(": ");
            json(out, node);
            out.append('}');
        } else {
            json(out, node);
        }
    }

    /** Whether a JSON column's value is written wrapped; in a file, whether the value is such a wrapper. */
    static boolean wrapped(JsonNode node) {
        return node.isNull() || node.isObject() && node.size() == 1 && node.has(WRAPPER);
    }

    /** The JSON text of a JSON column's value, as the database is given it. */
    static String jsonText(JsonNode node) {
        StringBuilder out = new StringBuilder();
        json(out, node);
        return out.toString();
    }

    /**
     * Nested JSON with sorted keys, numbers as written: decimals keep their digits ({@code 1.50}) and exponents
     * ({@code 2e+3}), since a JSON column stores them so (PostgreSQL's jsonb, MariaDB); Python's NaN and Infinity
     * as Python writes them.
     */
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
        } else if (node.isBigDecimal()) {
            BigDecimal decimal = node.decimalValue();
            out.append(decimal.scale() >= 0 ? decimal.toPlainString() : decimal.toString().toLowerCase(Locale.ROOT));
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

    /**
     * A JSON string as Python's {@code json.dumps(value, ensure_ascii=False)} writes it, so that data files show
     * text as it reads; characters a reviewer cannot see, or that a viewer shows as something else (controls, line
     * and paragraph separators, invisible format characters such as bidi overrides), are escaped as {@code \\uXXXX}
     * too, and so is a lone surrogate, which UTF-8 cannot encode.
     */
    static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ' ' && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else if (c < 0x80) {
                CompactJson.appendEscaped(out, c);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (visible(c)) {
                out.append(c);
            } else {
                CompactJson.appendEscaped(out, c);
            }
        }
        out.append('"');
    }

    private static boolean visible(char c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> false;
            default -> true;
        };
    }
}
