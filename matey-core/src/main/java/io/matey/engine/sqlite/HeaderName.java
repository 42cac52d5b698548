package io.matey.engine.sqlite;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name in the header of an object's stored SQL, written bare where SQLite would read it bare. SQLite stores
 * every header as {@code CREATE <kind> <name>}, the name as the statement wrote it, except that
 * {@code ALTER TABLE ... RENAME TO} always writes it in double quotes: without this, the table-rebuild pattern
 * (create {@code x_new}, copy, drop {@code x}, rename) dumps {@code CREATE TABLE "x"} where the migration before
 * it dumped {@code CREATE TABLE x}, and an exact down looks inexact (docs/architecture.md §5). A name that needs
 * quotes is written in double quotes for the same reason: a rename back stores {@code "a,b"} where the migration
 * wrote {@code [a,b]}. The rest of the text stays as SQLite keeps it; loading the result stores the same header, so
 * the dump remains a fixed point.
 */
final class HeaderName {

    private static final Pattern HEADER = Pattern.compile(
            "^CREATE (?:UNIQUE |VIRTUAL )?(?:TABLE|INDEX|VIEW|TRIGGER) (\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|\\[[^\\]]*\\])");
    private static final Pattern BARE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** SQLite's keywords (sqlite.org/lang_keywords.html), which stay quoted even where the parser would accept them. */
    private static final Set<String> KEYWORDS = Set.of("ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS",
            "ANALYZE", "AND", "AS", "ASC", "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE",
            "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS",
            "CURRENT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE",
            "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE",
            "EXCEPT", "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING", "FOR",
            "FOREIGN", "FROM", "FULL", "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE",
            "IN", "INDEX", "INDEXED", "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL",
            "JOIN", "KEY", "LAST", "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT",
            "NOTHING", "NOTNULL", "NULL", "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER",
            "PARTITION", "PLAN", "PRAGMA", "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE",
            "REFERENCES", "REGEXP", "REINDEX", "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT",
            "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES",
            "TO", "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES",
            "VIEW", "VIRTUAL", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT");

    private HeaderName() {
    }

    /**
     * {@code sql} with its header's quoted name unquoted when it needs no quotes and is no keyword, and in double
     * quotes when it needs them (as {@code RENAME} writes it, whatever quotes the statement used).
     */
    static String unquoted(String sql) {
        Matcher m = HEADER.matcher(sql);
        if (!m.find()) {
            return sql;
        }
        String quoted = m.group(1);
        char quote = quoted.charAt(0);
        String name = quoted.substring(1, quoted.length() - 1);
        String written = written(quote == '[' ? name : name.replace(String.valueOf(quote).repeat(2), String.valueOf(quote)));
        return written.equals(quoted) ? sql : sql.substring(0, m.start(1)) + written + sql.substring(m.end(1));
    }

    /** How the dump writes a name: bare where SQLite reads it bare, else in double quotes, an inner one doubled. */
    static String written(String name) {
        return readsBare(name) ? name : '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Whether SQLite reads {@code name} written bare as that same name: it needs no quotes and is no keyword. */
    static boolean readsBare(String name) {
        return BARE.matcher(name).matches() && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT));
    }
}
