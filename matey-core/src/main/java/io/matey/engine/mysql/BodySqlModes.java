package io.matey.engine.mysql;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A routine, trigger or event keeps the {@code sql_mode} it was created under, and its body means what that mode
 * says ({@code a || b} concatenates under PIPES_AS_CONCAT, is OR otherwise). The dump prints bodies as written
 * and loads them under {@link MysqlSession#SQL_MODE}, so an object created under a mode that changes how text
 * reads would load with the same text and another meaning: the dump refuses it, naming it.
 */
final class BodySqlModes {

    /** Flags (and the combinations that imply them) that change how statement text parses or evaluates. */
    private static final Set<String> CHANGING_MEANING = Set.of("ANSI_QUOTES", "PIPES_AS_CONCAT", "IGNORE_SPACE",
            "NO_BACKSLASH_ESCAPES", "HIGH_NOT_PRECEDENCE", "REAL_AS_FLOAT", "NO_UNSIGNED_SUBTRACTION",
            "EMPTY_STRING_IS_NULL", "SIMULTANEOUS_ASSIGNMENT", "ORACLE", "MSSQL", "DB2", "POSTGRESQL", "MAXDB", "ANSI");

    private BodySqlModes() {
    }

    /** Fails when {@code sqlMode}, the object's, has a flag that changes what its body means. */
    static void require(String kind, String name, String sqlMode) throws SQLException {
        List<String> changing = Arrays.stream(sqlMode.split(",")).filter(CHANGING_MEANING::contains).toList();
        if (!changing.isEmpty()) {
            throw new SQLException("MySQL " + kind + " " + Backticks.quote(name) + " was created under sql_mode "
                    + String.join(",", changing) + ", which changes what its body means; the schema dump loads it under"
                    + " sql_mode '" + MysqlSession.SQL_MODE + "', so Matey cannot dump it faithfully. Create it without"
                    + " changing sql_mode (write the body for the default mode).");
        }
    }
}
