package io.matey.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.Token;

/**
 * A column's type as a migration writes it, read from its tokens for L421 (a narrowing) and L417 (a widening
 * PostgreSQL makes in place). Types of one family compare by size: integers by range, decimals by integer digits and
 * scale, strings and binary strings by length, time types by fractional-second digits, enums and sets by values, text
 * by character set; types of different families (or of a family lint does not know) are not compared.
 *
 * @param text      as written, for messages
 * @param family    {@code int}, {@code decimal}, {@code string}, {@code binary}, {@code enum}, {@code set}, a time
 *                  type's name ({@code timestamptz} for one with a time zone), else the type's own name
 * @param name      the canonical name ({@code varchar} for {@code character varying})
 * @param size      integers: bytes; strings: the characters (text types: bytes) held, {@link Long#MAX_VALUE}
 *                  unbounded; decimals: the precision ({@link Long#MAX_VALUE} unbounded); time types: the digits
 * @param scale     decimals' scale
 * @param unsigned  integers and decimals: MySQL's {@code UNSIGNED}
 * @param charset   text types' character set (lower case) where known, else null
 * @param values    enums' and sets' values
 */
record ColumnType(String text, String family, String name, long size, int scale, boolean unsigned, String charset,
        List<String> values) {

    private static final long UNBOUNDED = Long.MAX_VALUE;
    private static final Pattern ZONED =
            Pattern.compile("(\\w+)\\s*(?:\\(\\s*(\\d+)\\s*\\))?\\s+(with|without)\\s+time\\s+zone");
    private static final Map<String, Integer> INT_BYTES = Map.of("tinyint", 1, "smallint", 2, "int2", 2,
            "mediumint", 3, "int", 4, "integer", 4, "int4", 4, "bigint", 8, "int8", 8);
    private static final Map<String, Long> LOB_BYTES = Map.of("tinytext", 255L, "mediumtext", 16_777_215L,
            "longtext", 4_294_967_295L, "tinyblob", 255L, "blob", 65_535L, "mediumblob", 16_777_215L,
            "longblob", 4_294_967_295L);
    private static final Set<String> VARCHAR = Set.of("varchar", "nvarchar", "varchar2");
    private static final Set<String> CHAR = Set.of("char", "character", "nchar", "bpchar");
    private static final Set<String> DECIMAL = Set.of("decimal", "numeric", "dec", "fixed");
    private static final Set<String> TIME = Set.of("datetime", "timestamp", "time", "timestamptz", "timetz");
    /** Character sets holding every Unicode character, then those holding the Basic Multilingual Plane only. */
    private static final Set<String> FULL_UNICODE = Set.of("utf8mb4", "utf16", "utf16le", "utf32", "gb18030");
    private static final Set<String> BMP = Set.of("utf8", "utf8mb3", "ucs2");
    /** The most bytes a character takes in the Unicode character sets; one in those not named (taken to). */
    private static final Map<String, Integer> CHARACTER_BYTES = Map.of("utf8mb4", 4, "utf16", 4, "utf16le", 4,
            "utf32", 4, "gb18030", 4, "utf8", 3, "utf8mb3", 3, "ucs2", 2);

    /** Words a column definition may hold where no type is written (SQLite's typeless columns). */
    private static final Set<String> NOT_TYPES = Set.of(",", "(", ")", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
            "REFERENCES", "CHECK", "CONSTRAINT", "GENERATED", "AS");

    /**
     * The type at {@code from}, up to what ends it; {@code tableCharset} is a text column's character set when none
     * is written. Null where the type is an array or lint cannot read it.
     */
    static ColumnType read(List<Token> tokens, int from, ColumnTypeFacts facts, String tableCharset) {
        if (from >= tokens.size() || NOT_TYPES.contains(tokens.get(from).image.toUpperCase(Locale.ROOT))) {
            return null;
        }
        int at = from;
        String name = lower(tokens.get(at++));
        List<String> args = new ArrayList<>();
        boolean zone = name.equals("timestamptz") || name.equals("timetz");
        // JSqlParser lexes "timestamp(3) with time zone" as one token.
        Matcher zoned = ZONED.matcher(name);
        if (zoned.matches()) {
            name = zoned.group(1);
            if (zoned.group(2) != null) {
                args.add(zoned.group(2));
            }
            zone = zoned.group(3).equals("with");
        }
        String second = at < tokens.size() ? lower(tokens.get(at)) : "";
        if ((name.equals("character") || name.equals("char")) && second.equals("varying")
                || name.equals("national") && (second.equals("varchar") || second.equals("char"))) {
            name = name.equals("national") ? second : "varchar";
            at++;
        } else if (name.equals("double") && second.equals("precision")) {
            at++;
        }
        if (at < tokens.size() && tokens.get(at).image.equals("(")) {
            for (at++; at < tokens.size() && !tokens.get(at).image.equals(")"); at++) {
                if (!tokens.get(at).image.equals(",")) {
                    args.add(tokens.get(at).image);
                }
            }
            at++;
        }
        boolean unsigned = false;
        String charset = null;
        String collation = null;
        while (at < tokens.size()) {
            String word = lower(tokens.get(at));
            if (word.equals("unsigned") || word.equals("zerofill") || word.equals("signed")) {
                unsigned |= !word.equals("signed");
                at++;
            } else if (word.equals("character") && at + 2 < tokens.size() && lower(tokens.get(at + 1)).equals("set")
                    || word.equals("charset") && at + 1 < tokens.size()) {
                at = skipEquals(tokens, at + (word.equals("charset") ? 1 : 2));
                charset = at < tokens.size() ? Names.key(tokens.get(at++).image) : null;
            } else if (word.equals("collate") && at + 1 < tokens.size()) {
                at = skipEquals(tokens, at + 1);
                collation = at < tokens.size() ? Names.key(tokens.get(at++).image) : null;
            } else if (word.equals("[") || word.equals("array")) {
                return null;
            } else {
                break;
            }
        }
        String text = text(tokens, from, at);
        if (!facts.charsets()) {
            charset = null;
        } else if (charset == null) {
            String collated = collation != null ? charsetOf(collation) : null;
            charset = collated != null ? collated : tableCharset;
        }
        return of(text, name, args, unsigned, zone, charset, facts);
    }

    private static ColumnType of(String text, String name, List<String> args, boolean unsigned, boolean zone,
            String charset, ColumnTypeFacts facts) {
        Integer bytes = INT_BYTES.get(name);
        if (bytes != null) {
            return new ColumnType(text, "int", name, bytes, 0, unsigned, null, List.of());
        }
        if (DECIMAL.contains(name)) {
            long precision = args.isEmpty() ? facts.bounded() ? 10 : UNBOUNDED : number(args.get(0));
            int scale = args.size() > 1 ? (int) number(args.get(1)) : 0;
            return new ColumnType(text, "decimal", "decimal", precision, scale, unsigned, null, List.of());
        }
        boolean sized = !args.isEmpty();
        if (VARCHAR.contains(name)) {
            return string(text, "varchar", sized ? number(args.get(0)) : UNBOUNDED, charset);
        }
        if (CHAR.contains(name)) {
            return string(text, "char", sized ? number(args.get(0)) : 1, charset);
        }
        if (name.equals("text")) {
            return string(text, "text", facts.bounded() ? 65_535 : UNBOUNDED, charset);
        }
        if (name.endsWith("text") && LOB_BYTES.containsKey(name)) {
            return string(text, name, LOB_BYTES.get(name), charset);
        }
        if (name.equals("varbinary") || name.equals("binary") || name.equals("bytea") || LOB_BYTES.containsKey(name)) {
            long size = LOB_BYTES.getOrDefault(name,
                    name.equals("bytea") ? UNBOUNDED : sized ? number(args.get(0)) : 1);
            return new ColumnType(text, "binary", name, size, 0, false, null, List.of());
        }
        if (TIME.contains(name)) {
            String family = zone && !name.endsWith("tz") ? name + "tz" : name;
            long digits = sized ? number(args.get(0)) : facts.timePrecision();
            return new ColumnType(text, family, family, digits, 0, false, null, List.of());
        }
        if (name.equals("enum") || name.equals("set")) {
            List<String> values = args.stream().map(ColumnType::literal).toList();
            return new ColumnType(text, name, name, values.size(), 0, false, charset, values);
        }
        return new ColumnType(text, name, name, 0, 0, false, null, List.of());
    }

    private static ColumnType string(String text, String name, long length, String charset) {
        return new ColumnType(text, "string", name, length, 0, false, charset, List.of());
    }

    /** The same type in another character set, as {@code CONVERT TO CHARACTER SET} leaves a text column. */
    ColumnType inCharset(String converted) {
        return new ColumnType(text + " CHARACTER SET " + converted, family, name, size, scale, unsigned, converted,
                values);
    }

    /** Whether the type holds text in a character set of its own (strings, enums, sets). */
    boolean textual() {
        return family.equals("string") || family.equals("enum") || family.equals("set");
    }

    /** How a narrowing loses values, which tells how to check the rows first. */
    enum Loss {
        /** Strings longer than the new length (characters). */
        LENGTH,
        /** Values longer than the new length in bytes (binary strings, MySQL's text types). */
        BYTES,
        /** Numbers outside the new range. */
        RANGE,
        /** Decimals with more integer digits. */
        DIGITS,
        /** Every value with more fractional digits: rounded, not refused. */
        ROUNDED,
        /** Enum or set values removed. */
        VALUES,
        /** Characters the new character set lacks. */
        CHARSET
    }

    /** A narrowing: what the new type cannot hold, as the finding says it ("a shorter length"), and its kind. */
    record Narrowing(String what, Loss loss) {
    }

    /** What values of {@code before} this type cannot hold; null when it holds them all or the two are not compared. */
    Narrowing narrowing(ColumnType before) {
        if (before.charset != null && charset != null && !before.charset.equals(charset)
                && narrowerRepertoire(before.charset, charset)) {
            return new Narrowing("a narrower character set, " + charset + ", which lacks characters of "
                    + before.charset, Loss.CHARSET);
        }
        if (!family.equals(before.family)) {
            return null;
        }
        return switch (family) {
            case "int" -> min(this) > min(before) || max(this) < max(before)
                    ? new Narrowing("a smaller range", Loss.RANGE) : null;
            // PostgreSQL's numeric without precision holds any value at any scale: nothing is rounded into it.
            case "decimal" -> size == UNBOUNDED ? null
                    : size - scale < before.size - before.scale
                    ? new Narrowing("fewer integer digits", Loss.DIGITS)
                    : unsigned && !before.unsigned ? new Narrowing("no negative values", Loss.RANGE)
                    : scale < before.scale ? new Narrowing("a smaller scale, to which values are rounded", Loss.ROUNDED)
                    : null;
            case "string", "binary" -> size < before.size
                    ? new Narrowing("a shorter length", family.equals("string") ? Loss.LENGTH : Loss.BYTES)
                    : fewerBytes(before);
            case "enum", "set" -> removed(before.values);
            default -> TIME.contains(family) && size < before.size
                    ? new Narrowing("fewer fractional-second digits, to which values are rounded", Loss.ROUNDED) : null;
        };
    }

    /**
     * A MySQL text type, sized in bytes, after a string type sized in characters: a narrowing where the earlier
     * type's characters may take more bytes ({@code varchar(255)} in utf8mb4 up to 1020, {@code tinytext} 255).
     */
    private Narrowing fewerBytes(ColumnType before) {
        int width = before.charset == null ? 1 : CHARACTER_BYTES.getOrDefault(before.charset, 1);
        boolean inBytes = !before.name.endsWith("text") && name.endsWith("text") && size != UNBOUNDED;
        return inBytes && size < before.size * width ? new Narrowing("fewer bytes than a value of " + before.text
                + " in " + before.charset + " may take (" + width + " a character)", Loss.BYTES) : null;
    }

    private Narrowing removed(List<String> earlier) {
        List<String> removed = earlier.stream().filter(v -> !values.contains(v)).toList();
        return removed.isEmpty() ? null
                : new Narrowing("values removed: " + String.join(", ", removed), Loss.VALUES);
    }

    /**
     * Whether PostgreSQL changes {@code before} to this type without rewriting the table: the same type, a
     * {@code varchar} or {@code text} made longer or unbounded, a {@code numeric} given more precision at its
     * scale (or none), a time type given more digits.
     */
    boolean widensInPlace(ColumnType before) {
        if (text.equalsIgnoreCase(before.text)) {
            return true;
        }
        if (!family.equals(before.family)) {
            return false;
        }
        if (family.equals("string")) {
            return !name.equals("char") && !before.name.equals("char") && size >= before.size;
        }
        if (family.equals("decimal")) {
            return (size == UNBOUNDED || scale == before.scale && size >= before.size);
        }
        return TIME.contains(family) && size >= before.size;
    }

    /**
     * Why PostgreSQL converts every value to change {@code before} to this type, where it does not
     * {@link #widensInPlace}: what L417's hint says of a change whose earlier type is known.
     */
    String rewriteReason(ColumnType before) {
        String converted = before.text + " values are converted to " + text;
        if (!family.equals(before.family)) {
            return converted;
        }
        return switch (family) {
            case "int" -> "an integer of another size is stored in another width";
            case "string" -> name.equals("char") || before.name.equals("char")
                    ? "char(n) is stored padded with blanks to its length, unlike varchar and text"
                    : "a shorter length has every value checked";
            case "decimal" -> scale != before.scale ? "every value is rounded or padded to the new scale"
                    : "fewer digits of precision have every value checked";
            default -> TIME.contains(family) && size < before.size
                    ? "fewer fractional-second digits have every value rounded" : converted;
        };
    }

    /** Whether {@code after} lacks characters {@code before} has (between two legacy sets, taken to). */
    private static boolean narrowerRepertoire(String before, String after) {
        int from = repertoire(before);
        int to = repertoire(after);
        return to < from || to == 1 && from == 1;
    }

    /** 3: all of Unicode; 2: its Basic Multilingual Plane; 0: ASCII; 1: another (latin1, cp1251, sjis, ...). */
    private static int repertoire(String charset) {
        return FULL_UNICODE.contains(charset) ? 3 : BMP.contains(charset) ? 2 : charset.equals("ascii") ? 0 : 1;
    }

    /**
     * A collation's character set: its name's first part ({@code utf8mb4_unicode_ci}); null for MariaDB's
     * {@code uca1400_ai_ci} family, which names none and collates the column's own character set.
     */
    static String charsetOf(String collation) {
        int end = collation.indexOf('_');
        return end > 0 && !collation.startsWith("uca1400_") ? collation.substring(0, end) : null;
    }

    private static double min(ColumnType type) {
        return type.unsigned ? 0 : -Math.pow(2, 8 * type.size - 1);
    }

    private static double max(ColumnType type) {
        return type.unsigned ? Math.pow(2, 8 * type.size) - 1 : Math.pow(2, 8 * type.size - 1) - 1;
    }

    private static long number(String image) {
        try {
            return Long.parseLong(image);
        } catch (NumberFormatException e) {
            return UNBOUNDED; // varchar(max), a length lint cannot read: taken as the largest
        }
    }

    /** An enum or set value as MySQL stores it: {@code 'it''s'} and {@code "it's"} are one value. */
    private static String literal(String image) {
        for (String quote : List.of("'", "\"")) {
            if (image.length() >= 2 && image.startsWith(quote) && image.endsWith(quote)) {
                return image.substring(1, image.length() - 1).replace(quote + quote, quote);
            }
        }
        return image;
    }

    private static int skipEquals(List<Token> tokens, int at) {
        return at < tokens.size() && tokens.get(at).image.equals("=") ? at + 1 : at;
    }

    private static String lower(Token token) {
        return token.image.toLowerCase(Locale.ROOT);
    }

    private static String text(List<Token> tokens, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < Math.min(to, tokens.size()); i++) {
            String image = tokens.get(i).image;
            boolean glued = text.isEmpty() || image.equals("(") || image.equals(")") || image.equals(",")
                    || text.charAt(text.length() - 1) == '(';
            text.append(glued ? "" : " ").append(image);
        }
        return text.toString();
    }
}
