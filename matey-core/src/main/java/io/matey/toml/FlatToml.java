package io.matey.toml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat subset of TOML that Matey's own files use, parsed without a grammar: one statement per line, each a
 * comment, a {@code [table]} or {@code [[array-of-tables]]} header with a bare key, or {@code bare_key = value}
 * where the value is a string without escapes, a decimal integer, a boolean, or an array of one of those types
 * (over several lines too). A document that steps outside the subset anywhere, or that TOML forbids (a key defined
 * twice, say), gets null, and {@link TomlText} hands it to tomlj, which also words every syntax error.
 */
final class FlatToml {

    private final String text;
    private int pos;
    private int line = 1;

    private FlatToml(String text) {
        this.text = text;
    }

    /** The document, or null when it is not in the subset. */
    static TomlMap parse(String text) {
        return new FlatToml(text).document();
    }

    /** A table under construction, with the line of each key. */
    private record Table(Map<String, Object> values, Map<String, Integer> lines) {
        Table() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        boolean put(String key, Object value, int line) {
            if (values.containsKey(key)) {
                return false;
            }
            values.put(key, value);
            lines.put(key, line);
            return true;
        }

        TomlMap freeze() {
            Map<String, Object> frozen = new LinkedHashMap<>();
            values.forEach((key, value) -> frozen.put(key, frozen(value)));
            return new TomlMap(frozen, lines);
        }

        private static Object frozen(Object value) {
            if (value instanceof Table table) {
                return table.freeze();
            }
            if (value instanceof TableArray array) {
                return array.tables().stream().map(Table::freeze).toList();
            }
            return value;
        }
    }

    /** The tables of one {@code [[name]]}. */
    private record TableArray(List<Table> tables) {
    }

    private TomlMap document() {
        Table root = new Table();
        Table current = root;
        while (pos < text.length()) {
            skipBlanks();
            char c = peek();
            if (c == '[') {
                current = header(root);
            } else if (isBareKeyChar(c)) {
                int keyLine = line;
                String key = bareKey();
                skipBlanks();
                if (peek() != '=') {
                    return null;
                }
                pos++;
                skipBlanks();
                Object value = value();
                if (value == null || !current.put(key, value, keyLine)) {
                    return null;
                }
            } else if (c != '#' && c != '\n' && c != '\r' && c != 0) {
                return null;
            }
            if (current == null || !endOfLine()) {
                return null;
            }
        }
        return root.freeze();
    }

    /** The table that a header opens, or null outside the subset (or when TOML forbids it). */
    private Table header(Table root) {
        int headerLine = line;
        boolean array = text.startsWith("[[", pos);
        pos += array ? 2 : 1;
        skipBlanks();
        String key = bareKey();
        skipBlanks();
        if (key.isEmpty() || !text.startsWith(array ? "]]" : "]", pos)) {
            return null;
        }
        pos += array ? 2 : 1;
        Object existing = root.values().get(key);
        Table table = new Table();
        if (!array) {
            return root.put(key, table, headerLine) ? table : null;
        }
        if (existing == null) {
            root.put(key, new TableArray(new ArrayList<>()), headerLine);
        } else if (!(existing instanceof TableArray)) {
            return null;
        }
        ((TableArray) root.values().get(key)).tables().add(table);
        return table;
    }

    /** A string, integer, boolean or array of one type; null outside the subset. */
    private Object value() {
        if (peek() == '[') {
            return array();
        }
        return scalar();
    }

    private Object scalar() {
        char c = peek();
        if (c == '"' || c == '\'') {
            return string(c);
        }
        int start = pos;
        while (pos < text.length() && (isBareKeyChar(text.charAt(pos)) || text.charAt(pos) == '+')) {
            pos++;
        }
        String token = text.substring(start, pos);
        if (token.equals("true") || token.equals("false")) {
            return Boolean.valueOf(token);
        }
        return integer(token);
    }

    /** A decimal integer without underscores; null for anything else (floats, dates, other bases). */
    private static Long integer(String token) {
        String digits = token.startsWith("+") || token.startsWith("-") ? token.substring(1) : token;
        if (digits.isEmpty() || digits.length() > 18 || (digits.length() > 1 && digits.charAt(0) == '0')) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(token);
    }

    /** A basic string without escapes or a literal string, on one line; null for anything else. */
    private String string(char quote) {
        if (text.startsWith(String.valueOf(quote).repeat(3), pos)) {
            return null;
        }
        int start = ++pos;
        while (pos < text.length() && text.charAt(pos) != quote) {
            char c = text.charAt(pos);
            if (c == '\\' || isControl(c)) {
                return null;
            }
            pos++;
        }
        if (pos == text.length()) {
            return null;
        }
        return text.substring(start, pos++);
    }

    /**
     * An array of strings, integers or booleans, all of one type, over one line or several (as Matey writes the
     * targets of a workspace that has more than one), comments allowed between its items; null for anything else.
     */
    private List<Object> array() {
        pos++;
        List<Object> items = new ArrayList<>();
        if (!skipArraySpace()) {
            return null;
        }
        while (peek() != ']') {
            Object item = scalar();
            if (item == null || (!items.isEmpty() && item.getClass() != items.get(0).getClass())) {
                return null;
            }
            items.add(item);
            if (!skipArraySpace()) {
                return null;
            }
            if (peek() == ',') {
                pos++;
                if (!skipArraySpace()) {
                    return null;
                }
            } else if (peek() != ']') {
                return null;
            }
        }
        pos++;
        return List.copyOf(items);
    }

    /** Blanks, comments and line ends inside an array; false for a comment TOML forbids. */
    private boolean skipArraySpace() {
        while (true) {
            skipBlanks();
            char c = peek();
            if (c == '#' || c == '\n' || text.startsWith("\r\n", pos)) {
                if (!endOfLine()) {
                    return false;
                }
            } else {
                return true;
            }
        }
    }

    /** Blanks, then an optional comment, then the end of the line or of the text. */
    private boolean endOfLine() {
        skipBlanks();
        if (peek() == '#') {
            while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                if (isControl(text.charAt(pos))) {
                    return false;
                }
                pos++;
            }
        }
        if (pos == text.length()) {
            return true;
        }
        if (text.startsWith("\r\n", pos)) {
            pos += 2;
        } else if (text.charAt(pos) == '\n') {
            pos++;
        } else {
            return false;
        }
        line++;
        return true;
    }

    private String bareKey() {
        int start = pos;
        while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** The character at the position, or 0 at the end of the text. */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private static boolean isBareKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Characters TOML allows in no string or comment: controls other than tab. */
    private static boolean isControl(char c) {
        return (c < ' ' && c != '\t') || c == 0x7f;
    }
}
