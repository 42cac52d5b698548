package io.matey.replay;

import io.matey.migration.ParsedSql;
import io.matey.migration.Section;
import io.matey.migration.SqlDialect;
import io.matey.migration.SqlStatement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.Token;

/**
 * Whether up sections may leave rows, which no checkpoint holds (docs/architecture.md §6), read from their text:
 * every statement whose head is not one of schema changes, session and transaction control counts as writing, as
 * does a {@code CREATE ... TABLE} filled by a query ({@code AS SELECT}, {@code AS VALUES}, {@code AS EXECUTE}), but
 * not one whose {@code VALUES} bounds a partition ({@code FOR VALUES FROM/IN/WITH}, MySQL's {@code VALUES LESS
 * THAN/IN}), which holds no row. A
 * statement that only defines code that writes (a trigger, a routine) writes nothing until something runs it, which
 * counts. Conservative: a statement read wrongly as writing costs only time.
 */
final class RowWrites {

    private static final Set<String> SCHEMA_HEADS = Set.of("CREATE", "ALTER", "DROP", "RENAME", "COMMENT", "GRANT",
            "REVOKE", "TRUNCATE", "SET", "RESET", "ANALYZE", "VACUUM", "REINDEX", "CLUSTER", "PRAGMA", "LOCK",
            "UNLOCK", "OPTIMIZE", "REFRESH", "SECURITY", "COMMIT", "ROLLBACK", "START", "SAVEPOINT", "RELEASE", "END");
    private static final Pattern HEAD = Pattern.compile("[A-Za-z_]+");
    private static final Pattern TRANSACTION_BEGIN = Pattern.compile("(?i)begin(\\s+(transaction|work))?\\s*");
    /** A {@code CREATE [OR REPLACE] [modifiers] TABLE} statement. */
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)create\\s+(or\\s+replace\\s+)?((global|local|temporary|temp|unlogged)\\s+)*table\\b.*");
    /** Keywords (not literals or comments: tokens) that fill a new table by a query. */
    private static final Set<String> FILLED = Set.of("SELECT", "VALUES", "EXECUTE");
    /** Keywords after which {@code VALUES} bounds a partition: a row list follows it only as {@code (}. */
    private static final Set<String> BOUNDS = Set.of("FROM", "IN", "WITH", "LESS");

    private RowWrites() {
    }

    /** Whether any of {@code sections} may write rows. */
    static boolean mayWrite(List<Section> sections, SqlDialect dialect) {
        for (Section section : sections) {
            for (SqlStatement statement : section.statements(dialect)) {
                if (writes(statement)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean writes(SqlStatement statement) {
        String code = statement.code();
        Matcher head = HEAD.matcher(code);
        if (!head.lookingAt()) {
            return !code.isBlank();
        }
        String word = head.group().toUpperCase(Locale.ROOT);
        if (word.equals("BEGIN")) {
            return !TRANSACTION_BEGIN.matcher(code).matches();
        }
        if (!SCHEMA_HEADS.contains(word)) {
            return true;
        }
        return word.equals("CREATE") && CREATE_TABLE.matcher(code).matches() && filled(ParsedSql.of(statement).tokens());
    }

    private static boolean filled(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.get(i).image.toUpperCase(Locale.ROOT);
            if (FILLED.contains(word) && !(word.equals("VALUES") && i + 1 < tokens.size()
                    && BOUNDS.contains(tokens.get(i + 1).image.toUpperCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }
}
