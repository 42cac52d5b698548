package io.matey.engine;

import java.sql.SQLException;

/**
 * The JDBC driver an engine needs is not on the class path: a configuration error that names the dependency to add,
 * not a server that cannot be reached ({@link JdbcConnections} leaves a missing driver to {@code DriverManager},
 * which answers "No suitable driver").
 */
public final class MissingJdbcDriver extends SQLException {

    /**
     * @param driver   what the driver is: {@code The PostgreSQL JDBC driver (org.postgresql:postgresql)}
     * @param url      the database it would have reached, masked
     */
    private MissingJdbcDriver(String driver, MateyUrl url, SQLException cause) {
        super(driver + " is not on the classpath; add it to reach " + url + ".", "08001", cause);
    }

    /** {@code e} as a missing driver when {@code DriverManager} found none for the URL, else {@code e} itself. */
    public static SQLException orSame(SQLException e, String driver, MateyUrl url) {
        return e.getMessage() != null && e.getMessage().startsWith("No suitable driver")
                ? new MissingJdbcDriver(driver, url, e) : e;
    }
}
