package io.matey.engine.mysql;

import io.matey.migration.SqlStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which migration statements MariaDB (10.6 and later) and MySQL 8 fail without any effect
 * ({@link io.matey.engine.Engine#failedWithoutEffect}, docs/architecture.md §7): DDL on one object is atomic there, and
 * a row write is rolled back to the statement's start. Not so a statement acting on a list of objects, which acts on
 * each in turn and reports the first it cannot ({@code DROP TABLE a, b} drops {@code a} whether {@code b} is missing
 * or referenced; so do {@code DROP VIEW|SEQUENCE}, {@code CREATE|DROP USER|ROLE} and {@code GRANT} to several
 * accounts), nor {@code DROP DATABASE}, nor one that runs others ({@code CALL}, a compound {@code BEGIN ... END}),
 * nor a statement stopped by a kill or a time limit, whose commit may have come first. Whatever is not known to be
 * atomic is not vouched for. Rows a failed statement wrote into a table of a non-transactional storage engine
 * (MyISAM, Aria) stay: no schema shows them, and the README names this limit.
 */
final class FailedStatements {

    /** A first word and, for DDL, the kind of object it names, after an optional {@code OR REPLACE}. */
    private static final Pattern HEAD = Pattern.compile("(?is)^(\\w+)(?:\\s+OR\\s+REPLACE)?(?:\\s+(\\w+))?");

    private static final Set<String> ROW_WRITES = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "TRUNCATE");

    /** Statements that create, change or drop one object of the kind their second word names. */
    private static final Set<String> DDL = Set.of("CREATE", "ALTER", "DROP", "RENAME");

    /** Kinds whose statements are not atomic: accounts, and a database's drop, which drops its tables one by one. */
    private static final Set<String> NOT_ATOMIC = Set.of("USER", "ROLE", "DATABASE", "SCHEMA");

    /**
     * ER_QUERY_INTERRUPTED (a {@code KILL QUERY}, Matey's cancel on Ctrl-C or SIGTERM), ER_STATEMENT_TIMEOUT
     * (MariaDB's {@code max_statement_time}), ER_QUERY_TIMEOUT (MySQL's {@code max_execution_time}).
     */
    private static final Set<Integer> STOPPED = Set.of(1317, 1969, 3024);

    private FailedStatements() {
    }

    static boolean withoutEffect(SqlStatement statement, SQLException failure) {
        if (STOPPED.contains(failure.getErrorCode())) {
            return false;
        }
        String code = statement.code();
        Matcher head = HEAD.matcher(code);
        if (!head.find()) {
            return false;
        }
        String first = head.group(1).toUpperCase(Locale.ROOT);
        if (ROW_WRITES.contains(first)) {
            return true;
        }
        String kind = head.group(2) == null ? "" : head.group(2).toUpperCase(Locale.ROOT);
        if (!DDL.contains(first) || NOT_ATOMIC.contains(kind)) {
            return false;
        }
        // A list (DROP TABLE a, b; RENAME TABLE a TO b, c TO d) is taken as acting on each object in turn.
        return !(first.equals("DROP") || first.equals("RENAME")) || code.indexOf(',') < 0;
    }
}
