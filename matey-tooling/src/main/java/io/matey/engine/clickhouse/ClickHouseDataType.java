package io.matey.engine.clickhouse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ClickHouse column type as {@code system.columns.type} writes it, parsed into its name and arguments:
 * {@code Nullable(Decimal(18, 4))}, {@code Map(LowCardinality(String), Array(UInt32))},
 * {@code Tuple(lat Float64, lon Float64)}, {@code DateTime64(3, 'UTC')}, {@code Enum8('a' = 1, 'b' = 2)}. Data sets
 * and codegen read column types through it.
 *
 * @param name      the type's name as written ({@code Nullable}, {@code UInt64}, {@code DateTime64})
 * @param arguments the arguments in order: nested types for wrappers and containers, literals otherwise
 * @param text      the whole type as written
 */
public record ClickHouseDataType(String name, List<Argument> arguments, String text) {

    /**
     * One argument: a nested type (with the element's name in a named tuple), or a literal such as {@code 18},
     * {@code 'UTC'} or an enum member {@code 'view' = 1}.
     *
     * @param field   the element name of a named tuple, or null
     * @param type    the nested type, or null for a literal
     * @param literal the literal as written, or null for a nested type
     */
    public record Argument(String field, ClickHouseDataType type, String literal) {
    }

    /** Parses a type; a text that is not one ClickHouse type is refused with the position. */
    public static ClickHouseDataType parse(String text) {
        Parser parser = new Parser(text);
        ClickHouseDataType type = parser.type();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw new IllegalArgumentException("Unexpected '" + text.substring(parser.pos) + "' in ClickHouse type '" + text + "'.");
        }
        return type;
    }

    /**
     * Parses a type, or names a type whose arguments this parser does not read ({@code Foo(x = 1)})
     * by its whole text, without arguments: such a type travels and maps as an opaque one.
     */
    public static ClickHouseDataType lenient(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return new ClickHouseDataType(text, List.of(), text);
        }
    }

    public boolean isNullable() {
        return name.equals("Nullable");
    }

    /**
     * The value type without {@code Nullable} and {@code LowCardinality}, which change storage, not values, nor
     * {@code SimpleAggregateFunction(sum, UInt64)}, whose values are its argument type's.
     */
    public ClickHouseDataType value() {
        return wrapped() ? type(arguments.size() - 1).value() : this;
    }

    /** Whether the value type (see {@link #value()}) is nullable: {@code LowCardinality(Nullable(String))} is. */
    public boolean holdsNull() {
        return isNullable() || wrapped() && type(arguments.size() - 1).holdsNull();
    }

    private boolean wrapped() {
        return name.equals("Nullable") || name.equals("LowCardinality")
                || name.equals("SimpleAggregateFunction") && arguments.size() == 2;
    }

    /** Whether this type is named {@code name} or nests a type that is ({@code Array(Map(String, UInt8))} nests a Map). */
    public boolean nests(String name) {
        return this.name.equals(name) || arguments.stream().anyMatch(a -> a.type() != null && a.type().nests(name));
    }

    /** The nested type at {@code index}. */
    public ClickHouseDataType type(int index) {
        return arguments.get(index).type();
    }

    /** The nested types in order (the elements of a tuple, key and value of a map). */
    public List<ClickHouseDataType> types() {
        return arguments.stream().map(Argument::type).toList();
    }

    /** The integer literal at {@code index}, e.g. a decimal's precision. */
    public int number(int index) {
        return Integer.parseInt(arguments.get(index).literal());
    }

    /** The string literal at {@code index} without its quotes, e.g. a time zone. */
    public String string(int index) {
        return unquote(arguments.get(index).literal());
    }

    /** An enum's labels in declaration order. */
    public List<String> labels() {
        return arguments.stream().map(a -> unquote(a.literal().substring(0, a.literal().lastIndexOf('=')).strip())).toList();
    }

    /** An enum's values, the numbers after its labels, in declaration order. */
    public List<Long> codes() {
        return arguments.stream()
                .map(a -> Long.valueOf(a.literal().substring(a.literal().lastIndexOf('=') + 1).strip())).toList();
    }

    /** Whether this is one of the signed or unsigned integer types. */
    public boolean isInteger() {
        return integerBits() > 0;
    }

    /** The width of an integer type ({@code Int8} → 8, {@code UInt256} → 256), 0 for other types. */
    public int integerBits() {
        String digits = name.startsWith("UInt") ? name.substring(4) : name.startsWith("Int") ? name.substring(3) : "";
        return switch (digits) {
            case "8", "16", "32", "64", "128", "256" -> Integer.parseInt(digits);
            default -> 0;
        };
    }

    public boolean isUnsigned() {
        return name.startsWith("UInt");
    }

    /** A decimal's precision: {@code Decimal(P, S)} or the width of {@code Decimal32(S)} and its kin. */
    public int decimalPrecision() {
        return switch (name) {
            case "Decimal32" -> 9;
            case "Decimal64" -> 18;
            case "Decimal128" -> 38;
            case "Decimal256" -> 76;
            default -> number(0);
        };
    }

    /** A decimal's scale; {@code Decimal(P)} has scale 0. */
    public int decimalScale() {
        if (name.equals("Decimal")) {
            return arguments.size() > 1 ? number(1) : 0;
        }
        return number(0);
    }

    public boolean isDecimal() {
        return name.startsWith("Decimal");
    }

    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String unquote(String literal) {
        if (literal.length() >= 2 && literal.charAt(0) == '\'') {
            return literal.substring(1, literal.length() - 1).replace("\\'", "'").replace("\\\\", "\\");
        }
        return literal;
    }

    /** A recursive-descent reader over the text: type := name [ '(' argument {',' argument} ')' ]. */
    private static final class Parser {

        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        ClickHouseDataType type() {
            skipSpaces();
            int start = pos;
            String name = identifier();
            List<Argument> arguments = new ArrayList<>();
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '(') {
                pos++;
                skipSpaces();
                if (name.equals("JSON") || name.equals("Dynamic")) {
                    // limits and paths (JSON(max_dynamic_paths = 16, a.b UInt32, SKIP c.d)): its values are still JSON
                    do {
                        skipLiteral();
                    } while (consume(','));
                } else if (text.charAt(pos) != ')') {
                    do {
                        arguments.add(argument(name));
                        skipSpaces();
                    } while (consume(','));
                }
                expect(')');
            }
            return new ClickHouseDataType(name, List.copyOf(arguments), text.substring(start, pos).strip());
        }

        /**
         * A literal (a quoted string, possibly {@code = number} as in enums, or a number) or a type, named in a
         * tuple or a {@code Nested}. An aggregate function ({@code quantile(0.95)} in {@code AggregateFunction}) reads as a type.
         */
        private Argument argument(String outer) {
            skipSpaces();
            char c = text.charAt(pos);
            if (c == '\'' || c == '-' || Character.isDigit(c)) {
                int start = pos;
                skipLiteral();
                return new Argument(null, null, text.substring(start, pos).strip());
            }
            int mark = pos;
            String first = identifier();
            skipSpaces();
            if ((outer.equals("Tuple") || outer.equals("Nested")) && pos < text.length()
                    && Character.isLetter(text.charAt(pos))) {
                return new Argument(first, type(), null);
            }
            pos = mark;
            return new Argument(null, type(), null);
        }

        /** Up to the next top-level comma or closing parenthesis, stepping over quoted text and nested parentheses. */
        private void skipLiteral() {
            int depth = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '\'') {
                    pos++;
                    while (pos < text.length() && text.charAt(pos) != '\'') {
                        pos += text.charAt(pos) == '\\' ? 2 : 1;
                    }
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    return;
                }
                pos++;
            }
        }

        private String identifier() {
            skipSpaces();
            int start = pos;
            if (pos < text.length() && text.charAt(pos) == '`') {
                int end = text.indexOf('`', pos + 1);
                pos = end + 1;
                return text.substring(start + 1, end);
            }
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("Expected a type name at position " + pos + " of ClickHouse type '" + text + "'.");
            }
            return text.substring(start, pos);
        }

        private boolean consume(char c) {
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw new IllegalArgumentException("Expected '" + c + "' at position " + pos + " of ClickHouse type '" + text + "'.");
            }
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }
    }
}
