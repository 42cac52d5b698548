package io.matey.artifact;

import java.util.List;

/**
 * A JSON array of strings exactly as Python's {@code json.dumps(values, separators=(",", ":"))} writes it.
 * The chain hashes digest this text, so it must match byte for byte: Python escapes everything outside
 * printable ASCII (DEL included) as lowercase {@code \\uXXXX}, where Jackson's ESCAPE_NON_ASCII writes
 * uppercase hex and leaves DEL alone.
 */
public final class CompactJson {

    private CompactJson() {
    }

    static String array(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(out, values.get(i));
        }
        return out.append(']').toString();
    }

    /** Appends one JSON string as Python escapes it. */
    static void appendString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ' ' && c <= '~' && c != '"' && c != '\\') {
                out.append(c);
            } else {
                // Java chars are UTF-16 units, so astral characters come out as surrogate pairs, as in Python.
                appendEscaped(out, c);
            }
        }
        out.append('"');
    }

    /** Appends one character as Python escapes it: its short escape where JSON has one, else lower-case hex. */
    public static void appendEscaped(StringBuilder out, char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> out.append(String.format("\\u%04x", (int) c));
        }
    }
}
