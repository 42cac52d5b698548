package io.matey.engine.mysql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column line of {@code SHOW CREATE TABLE} rewritten to what every MySQL 8 and MariaDB server would print for the
 * same column (docs/architecture.md §5): integer display widths dropped ({@code bigint(20)} → {@code bigint}; they
 * change nothing, MySQL 8 no longer prints them), except {@code tinyint(1)} (the boolean convention drivers read)
 * and widths with {@code zerofill} (which pads to them); {@code year(4)} → {@code year}; the server's
 * {@code CHARACTER SET}/{@code COLLATE} clause replaced by {@code COLLATE x} only where the column's collation
 * differs from its table's (a collation implies its character set); a geometry column's {@code REF_SYSTEM_ID}, which
 * MariaDB keeps but does not print, added after the type.
 */
final class ColumnText {

    /** Two spaces, the quoted name, a space. */
    private static final Pattern NAME = Pattern.compile("^  (`(?:[^`]|``)+`) ");
    private static final Pattern INTEGER_WIDTH = Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\((\\d+)\\)$");
    private static final Pattern CHARSET = Pattern.compile("^ CHARACTER SET \\w+");
    private static final Pattern COLLATE = Pattern.compile("^ COLLATE \\w+");

    private ColumnText() {
    }

    /** The column's name as printed (quoted), or null when the line is not a column (a key or constraint). */
    static String quotedName(String line) {
        Matcher m = NAME.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /**
     * @param collation the collation to print, or null when the column inherits its table's
     * @param srid the column's spatial reference system, or null when it has none
     */
    static String canonical(String line, String collation, Integer srid) {
        Matcher name = NAME.matcher(line);
        if (!name.find()) {
            return line;
        }
        int typeEnd = typeEnd(line, name.end());
        String type = line.substring(name.end(), typeEnd);
        String rest = line.substring(typeEnd);
        StringBuilder modifiers = new StringBuilder();
        for (String modifier : new String[] {" unsigned", " zerofill"}) {
            if (rest.startsWith(modifier)) {
                modifiers.append(modifier);
                rest = rest.substring(modifier.length());
            }
        }
        rest = CHARSET.matcher(rest).replaceFirst("");
        rest = COLLATE.matcher(rest).replaceFirst("");
        String clause = (srid == null ? "" : " REF_SYSTEM_ID=" + srid) + (collation == null ? "" : " COLLATE " + collation);
        return line.substring(0, name.end()) + withoutDisplayWidth(type, modifiers.toString().contains("zerofill"))
                + modifiers + clause + rest;
    }

    /**
     * An information_schema {@code COLUMN_TYPE} ({@code int(11) unsigned}) as {@link #canonical} prints it in a dump
     * ({@code int unsigned}), for what documents a column (generated models).
     */
    static String dumped(String columnType) {
        int space = columnType.indexOf(' ');
        String type = space < 0 ? columnType : columnType.substring(0, space);
        String rest = space < 0 ? "" : columnType.substring(space);
        return withoutDisplayWidth(type, rest.contains("zerofill")) + rest;
    }

    /** A type without its integer display width, as {@link #canonical} prints a column's (a function's result too). */
    static String withoutDisplayWidth(String type, boolean zerofill) {
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.equals("year(4)")) {
            return type.substring(0, 4);
        }
        Matcher m = INTEGER_WIDTH.matcher(lower);
        if (!m.matches() || zerofill || lower.equals("tinyint(1)")) {
            return type;
        }
        return type.substring(0, m.group(1).length());
    }

    /** The end of the data type: the first space outside parentheses and quoted enum/set values. */
    private static int typeEnd(String line, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (c == '\'') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if ((c == ' ' || c == ',') && depth == 0) {
                return i;
            }
        }
        return line.length();
    }
}
