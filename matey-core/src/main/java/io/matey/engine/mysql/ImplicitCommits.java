package io.matey.engine.mysql;

import io.matey.migration.ParsedSql;
import io.matey.migration.SqlStatement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.parser.Token;

/**
 * Which statements commit the open transaction, read from their first words: the list of the MySQL and MariaDB
 * manuals' "Statements That Cause an Implicit Commit" (DDL but {@code CREATE|DROP TEMPORARY TABLE}, account
 * statements, {@code LOCK TABLES}, {@code START TRANSACTION}, administration and replication statements) and
 * {@code COMMIT}. The server commits before it runs such a statement, and DDL again after it, so in a section's
 * transaction a failure rolls back only the statements after the last of them (docs/architecture.md §7). What a
 * statement runs in turn ({@code CALL}, {@code EXECUTE}, a compound block, an executable comment the server may skip,
 * {@code UNLOCK TABLES} without a lock, {@code SET autocommit}) is not read here: the server is asked.
 */
final class ImplicitCommits {

    /** MySQL's and MariaDB's syntax error: the server refused the statement before committing anything. */
    static final int SYNTAX_ERROR = 1064;

    private static final Set<String> COMMITTING = Set.of("ALTER", "CREATE", "DROP", "RENAME", "TRUNCATE", "GRANT",
            "REVOKE", "INSTALL", "UNINSTALL", "LOCK", "START", "COMMIT", "ANALYZE", "CACHE", "CHECK", "FLUSH", "OPTIMIZE",
            "REPAIR", "RESET", "STOP", "CHANGE");

    /** Statements that run others, or commit only in some session states; a block word opens a compound block. */
    private static final Set<String> OPAQUE = Set.of("CALL", "EXECUTE", "UNLOCK", "BEGIN", "IF", "CASE", "LOOP",
            "WHILE", "REPEAT", "FOR");

    private ImplicitCommits() {
    }

    /** Whether the statement commits the open transaction, read from its words; false for an {@link #opaque} one. */
    static boolean commits(SqlStatement statement) {
        if (executableComment(statement)) {
            return false;
        }
        List<Token> head = ParsedSql.of(statement).head(5);
        if (head.isEmpty()) {
            return false;
        }
        String first = word(head, 0);
        if (first.equals("BEGIN")) {
            return head.size() == 1 || head.size() == 2 && word(head, 1).equals("WORK"); // BEGIN [WORK]: a new transaction
        }
        if (first.equals("SET")) {
            return word(head, 1).equals("PASSWORD");
        }
        if (first.equals("LOAD")) {
            return word(head, 1).equals("INDEX");
        }
        if (!COMMITTING.contains(first)) {
            return false;
        }
        if (first.equals("CREATE") || first.equals("DROP")) {
            return head.stream().noneMatch(token -> ParsedSql.is(token, "TEMPORARY"));
        }
        return true;
    }

    /**
     * Whether what the statement commits cannot be read from its words: it runs other statements (a procedure, a
     * prepared statement, a compound block), may not run at all (an executable comment), or commits only in some
     * session states ({@code UNLOCK TABLES}, {@code SET autocommit = 1}).
     */
    static boolean opaque(SqlStatement statement) {
        if (executableComment(statement)) {
            return true;
        }
        ParsedSql parsed = ParsedSql.of(statement);
        List<Token> head = parsed.head(2);
        if (head.isEmpty() || commits(statement)) {
            return false;
        }
        String first = word(head, 0);
        return OPAQUE.contains(first) || first.equals("SET") && parsed.mentions("autocommit")
                || head.size() == 2 && ParsedSql.is(head.get(1), ":"); // a labelled block
    }

    private static boolean executableComment(SqlStatement statement) {
        return statement.sql().contains("/*!") || statement.sql().contains("/*M!");
    }

    private static String word(List<Token> head, int index) {
        return index < head.size() ? head.get(index).image.toUpperCase(Locale.ROOT) : "";
    }
}
