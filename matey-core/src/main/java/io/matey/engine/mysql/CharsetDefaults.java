package io.matey.engine.mysql;

import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a table's bare {@code DEFAULT CHARSET=x} means in a dump (docs/architecture.md §5): character set x with the
 * database's default collation when the database's character set is x, else x's own default collation. Every table
 * states its character set, so a dump loaded into a database of another default builds the same tables; the
 * collation is left to the database where it is the inherited one, so servers whose default collations differ
 * (MariaDB 10 and 11) write the same text. A function's string result is written alike ({@link #resultClause}).
 * MariaDB gives a bare {@code CHARSET=x} x's default collation even where the database's differs, so {@link
 * #loadable} spells out on load what the bare clause means.
 */
record CharsetDefaults(String databaseCharset, String databaseCollation, Map<String, String> charsetCollations) {

    /** A table's option line in a dump: its character set without a collation. */
    private static final Pattern BARE_CHARSET = Pattern.compile("(?m)^(\\) ENGINE=\\w+) DEFAULT CHARSET=(\\w++)(?! COLLATE=)");
    /** A function's RETURNS line in a dump: its string result's character set without a collation. */
    private static final Pattern BARE_RESULT_CHARSET = Pattern.compile("(?m)(\\) RETURNS [^\n]*?) CHARSET (\\w++)$");

    static CharsetDefaults read(Connection connection) throws SQLException {
        String[] database = new String[2];
        Rows.forEach(connection, "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = DATABASE()", rs -> {
                    database[0] = rs.getString(1);
                    database[1] = rs.getString(2);
                });
        Map<String, String> charsets = new HashMap<>();
        Rows.forEach(connection, "SELECT CHARACTER_SET_NAME, DEFAULT_COLLATE_NAME FROM information_schema.CHARACTER_SETS",
                rs -> charsets.put(rs.getString(1), rs.getString(2)));
        return new CharsetDefaults(database[0], database[1], charsets);
    }

    /** The table option clause for a table of {@code collation}: its character set, its collation unless implied. */
    String tableClause(String collation) {
        String charset = charsetOf(collation);
        return " DEFAULT CHARSET=" + charset + (collation.equals(implied(charset)) ? "" : " COLLATE=" + collation);
    }

    /**
     * The clause after a function's string result type, as for a table ({@link #tableClause}): its character set,
     * its collation unless implied.
     */
    String resultClause(String collation) {
        String charset = charsetOf(collation);
        return " CHARSET " + charset + (collation.equals(implied(charset)) ? "" : " COLLATE " + collation);
    }

    /**
     * The dump with each bare table and function result character set made what it means here: inherited, or with
     * its collation.
     */
    String loadable(String dump) {
        String tables = BARE_CHARSET.matcher(dump).replaceAll(r -> Matcher.quoteReplacement(
                r.group(2).equals(databaseCharset) ? r.group(1)
                        : r.group(1) + " DEFAULT CHARSET=" + r.group(2) + " COLLATE=" + charsetCollations.get(r.group(2))));
        return BARE_RESULT_CHARSET.matcher(tables).replaceAll(r -> Matcher.quoteReplacement(
                r.group(2).equals(databaseCharset) ? r.group(1)
                        : r.group(1) + " CHARSET " + r.group(2) + " COLLATE " + charsetCollations.get(r.group(2))));
    }

    private String implied(String charset) {
        return charset.equals(databaseCharset) ? databaseCollation : charsetCollations.get(charset);
    }

    /** A collation's name starts with its character set's, which holds no underscore ({@code binary} is both). */
    private static String charsetOf(String collation) {
        int underscore = collation.indexOf('_');
        return underscore < 0 ? collation : collation.substring(0, underscore);
    }
}
