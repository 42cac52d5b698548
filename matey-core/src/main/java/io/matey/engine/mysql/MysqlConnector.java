package io.matey.engine.mysql;

import io.matey.engine.JdbcConnections;
import io.matey.engine.MateyUrl;
import io.matey.engine.MissingJdbcDriver;
import io.matey.error.MateyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Maps {@code mysql://user:pass@host:port/db?opts} (or {@code mariadb://}) to MariaDB Connector/J, which also
 * speaks to MySQL. Credentials travel as properties, never in the JDBC URL, so driver messages and logs that
 * echo the URL cannot leak them.
 */
final class MysqlConnector {

    static final int DEFAULT_PORT = 3306;

    private MysqlConnector() {
    }

    /** The JDBC URL of the server, naming {@code database} or none when it is empty. */
    static String jdbcUrl(MateyUrl url, String database) {
        int port = url.port() < 0 ? DEFAULT_PORT : url.port();
        return "jdbc:mariadb://" + url.host() + ":" + port + "/" + database;
    }

    /**
     * Query options pass through to the driver; multi-queries stay off whatever they say, since Matey runs
     * statements one by one so that a failure names its line, and an UPDATE counts the rows it found, also those
     * whose values it left as they were (CLIENT_FOUND_ROWS), since data apply checks that each update by key found
     * its row.
     */
    static Properties properties(MateyUrl url) {
        Properties properties = new Properties();
        properties.putAll(url.query());
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("allowMultiQueries", "false");
        properties.setProperty("useAffectedRows", "false");
        return properties;
    }

    /** The database the URL names; the driver reads it verbatim up to a {@code ?}, so some characters cannot work. */
    static String database(MateyUrl url) {
        String name = url.path();
        if (name.isEmpty()) {
            throw new MateyException("MySQL URL " + url + " names no database: expected mysql://user@host:3306/<database>.");
        }
        if (name.contains("/") || name.contains("?")) {
            throw new MateyException("MySQL database name '" + name + "' in " + url + " must not contain '/' or '?'.");
        }
        return name;
    }

    /** Opens a connection to the server's {@code database} (empty for none) with the canonical session settings. */
    static Connection open(MateyUrl url, String database) throws SQLException {
        Connection connection;
        try {
            connection = JdbcConnections.open("org.mariadb.jdbc.Driver", jdbcUrl(url, database), properties(url));
        } catch (SQLException e) {
            // MySQL and MariaDB alike are reached through jdbc:mariadb: URLs (docs/architecture.md, Logging)
            throw MissingJdbcDriver.orSame(e, "The MariaDB JDBC driver (org.mariadb.jdbc:mariadb-java-client), which "
                    + "Matey reaches MySQL and MariaDB with (MySQL Connector/J is not used),", url);
        }
        try {
            MysqlSession.apply(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
