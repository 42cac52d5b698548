package io.matey.engine;

import java.sql.SQLException;

/**
 * Tells a server that refused the login apart from one that could not be reached: the fix differs (credentials
 * versus host, port or network). Live commands and the replay's test server both say which it was.
 */
public final class LoginRefusal {

    /** MySQL and MariaDB's ER_ACCESS_DENIED_ERROR. */
    private static final int MYSQL_ACCESS_DENIED = 1045;
    /** ClickHouse's AUTHENTICATION_FAILED, carried in the message of its driver's exceptions. */
    private static final String CLICKHOUSE_AUTHENTICATION_FAILED = "AUTHENTICATION_FAILED";

    private LoginRefusal() {
    }

    /** SQLState class 28 is "invalid authorization specification" (28000; PostgreSQL's 28P01 is a bad password). */
    public static boolean is(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("28")
                    || sql.getErrorCode() == MYSQL_ACCESS_DENIED)) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains(CLICKHOUSE_AUTHENTICATION_FAILED)) {
                return true;
            }
        }
        return false;
    }
}
