package io.matey.codegen.sqlalchemy;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Python literals and identifiers. */
final class Py {

    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield");

    private Py() {
    }

    /**
     * A string literal the way Python's {@code repr} writes it: single quotes unless the text holds a single quote
     * and no double quote; control and invisible characters escaped, other characters kept (the file is UTF-8).
     */
    static String str(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (cp == quote) {
                        out.append('\\').append(quote);
                    } else if (visible(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp < 0x100) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp < 0x10000) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return out.append(quote).toString();
    }

    private static boolean visible(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** {@code ['a', 'b']}. */
    static String list(List<String> items) {
        return items.stream().map(Py::str).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code {'a': 'b'}}, in the map's order. */
    static String dict(Map<String, String> entries) {
        StringJoiner out = new StringJoiner(", ", "{", "}");
        entries.forEach((key, value) -> out.add(str(key) + ": " + str(value)));
        return out.toString();
    }

    /**
     * A valid identifier made from a database name: other characters become {@code _}, one that cannot start an
     * identifier (a digit, a combining mark) gets a {@code _} before it, keywords get a {@code _} after.
     * NFKC-normalised first, as Python reads identifiers ({@code ﬁle} is {@code file}), so that two names the
     * generator keeps apart are two names in Python too.
     */
    static String identifier(String name) {
        StringBuilder out = new StringBuilder();
        Normalizer.normalize(name, Normalizer.Form.NFKC).codePoints()
                .forEach(cp -> out.appendCodePoint(identifierPart(cp) ? cp : '_'));
        if (out.length() == 0 || !Character.isLetter(out.codePointAt(0)) && out.charAt(0) != '_') {
            out.insert(0, '_');
        }
        String id = out.toString();
        return KEYWORDS.contains(id) ? id + "_" : id;
    }

    /** A character Python takes in an identifier after the first: a letter, digit, combining mark or {@code _}. */
    private static boolean identifierPart(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || cp == '_' || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** {@code order_items} → {@code OrderItems}. */
    static String className(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : identifier(name).split("_")) {
            if (!part.isEmpty()) {
                out.appendCodePoint(Character.toUpperCase(part.codePointAt(0))).append(part.substring(Character.charCount(part.codePointAt(0))));
            }
        }
        String id = out.length() == 0 ? "Table" : out.toString();
        return Character.isDigit(id.charAt(0)) ? "_" + id : id;
    }
}
