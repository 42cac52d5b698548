package io.matey.codegen.java;

import io.matey.text.AsciiFold;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Java identifiers, string literals and Javadoc text made from database names and comments. */
final class JavaText {

    private JavaText() {
    }

    /** {@code order_items} → {@code OrderItems}. */
    static String typeName(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : words(name)) {
            out.append(capitalized(part));
        }
        return valid(out.length() == 0 ? "Table" : out.toString());
    }

    /** {@code created_at} → {@code createdAt}. */
    static String memberName(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : words(name)) {
            String word = capitalized(part);
            out.append(out.length() == 0 ? word.substring(0, 1).toLowerCase(Locale.ROOT) + word.substring(1) : word);
        }
        return valid(out.length() == 0 ? "column" : out.toString());
    }

    /** {@code createdAt}, {@code created-at} → {@code CREATED_AT}. */
    static String constantName(String name) {
        String constant = String.join("_", words(name)).toUpperCase(Locale.ROOT);
        return valid(constant.isEmpty() ? "COLUMN" : constant);
    }

    /** {@code user} → {@code User}; an all-capitals word such as {@code ID} → {@code Id}. */
    private static String capitalized(String word) {
        String rest = word.substring(1);
        return word.substring(0, 1).toUpperCase(Locale.ROOT)
                + (word.equals(word.toUpperCase(Locale.ROOT)) ? rest.toLowerCase(Locale.ROOT) : rest);
    }

    /**
     * The name's words, its Latin letters folded to ASCII ({@code ÜberPreis} → {@code Uber}, {@code Preis}); none for
     * a name in another script ({@code 数据表}), which gets the caller's fallback, made unique by {@code UniqueNames}
     * (the Javadoc and the {@code Tables} constants keep the real name).
     */
    private static String[] words(String name) {
        String words = AsciiFold.fold(name).replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", " ")
                .strip();
        return words.isEmpty() ? new String[0] : words.split(" +");
    }

    private static String valid(String identifier) {
        String id = identifier.isEmpty() || Character.isDigit(identifier.charAt(0)) ? "_" + identifier : identifier;
        return SourceVersion.isKeyword(id) || id.equals("_") ? id + "_" : id;
    }

    /** A string literal; anything outside printable ASCII is escaped so the source reads the same in any encoding. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Text safe inside a Javadoc comment: HTML and comment delimiters escaped, and backslashes too, since javac
     * reads {@code \}{@code u} escapes even in comments; line breaks become spaces.
     */
    static String doc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")
                .replace("@", "&#64;").replace("\\", "&#92;").replace("{", "&#123;").replace("}", "&#125;")
                .replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
