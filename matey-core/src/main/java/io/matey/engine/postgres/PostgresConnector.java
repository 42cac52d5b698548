package io.matey.engine.postgres;

import io.matey.engine.JdbcConnections;
import io.matey.engine.MateyUrl;
import io.matey.engine.MissingJdbcDriver;
import io.matey.error.MateyException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reaches a PostgreSQL server from a Matey URL through pgjdbc. Credentials travel as connection properties,
 * never in the JDBC URL, which drivers and pools like to log.
 */
final class PostgresConnector {

    static final int DEFAULT_PORT = 5432;
    static final String MAINTENANCE_DATABASE = "postgres";

    private static final String DATABASE_MISSING = "3D000";

    /** libpq (and dbmate) parameter names whose pgjdbc property has another name; others pass through as is. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName");

    private static final String SEARCH_PATH = "search_path";

    private final MateyUrl url;

    PostgresConnector(MateyUrl url) {
        if (url.isFile()) {
            throw new MateyException("PostgreSQL URL must be postgres://user:pass@host:5432/db, got " + url);
        }
        this.url = url;
    }

    String database() {
        return url.path();
    }

    String jdbcUrl() {
        return jdbcUrl(database());
    }

    /**
     * The URL's {@code search_path} travels in the JDBC URL as pgjdbc's {@code currentSchema}, because
     * {@link PostgresMigrationTable} reads it back from the connection (dbmate keeps its table in its first schema).
     */
    private String jdbcUrl(String database) {
        int port = url.port() > 0 ? url.port() : DEFAULT_PORT;
        String searchPath = url.query().get(SEARCH_PATH);
        return "jdbc:postgresql://" + url.host() + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8)
                + (searchPath == null ? "" : "?currentSchema=" + URLEncoder.encode(searchPath, StandardCharsets.UTF_8));
    }

    Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "matey");
        // Sends the session settings pgjdbc needs in the start-up packet instead of a query after it: one round trip
        // fewer per connection, on every server since 9.0 (the dump's catalogs need 13 anyway).
        properties.setProperty("assumeMinServerVersion", "10");
        url.query().forEach((key, value) -> {
            if (!key.equals(SEARCH_PATH)) {
                properties.setProperty(LIBPQ_TO_PGJDBC.getOrDefault(key, key), value);
            }
        });
        if (url.user() != null && !url.user().isEmpty()) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        return properties;
    }

    /** Connects to the database the URL names; a missing one fails with SQLState 3D000 and says so. */
    Connection connect() throws SQLException {
        if (database().isEmpty()) {
            throw new MateyException("PostgreSQL URL " + url + " does not name a database (postgres://host:5432/<db>).");
        }
        try {
            return open(database());
        } catch (SQLException e) {
            if (DATABASE_MISSING.equals(e.getSQLState())) {
                throw new SQLException("database \"" + database() + "\" does not exist (" + url + ")", DATABASE_MISSING, e);
            }
            throw e;
        }
    }

    /** Connects to the database the URL names; empty when the server says it does not exist (SQLState 3D000). */
    Optional<Connection> connectIfExists() throws SQLException {
        try {
            return Optional.of(connect());
        } catch (SQLException e) {
            if (DATABASE_MISSING.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Connects to the server's maintenance database, for creating and dropping others. */
    Connection connectMaintenance() throws SQLException {
        return open(MAINTENANCE_DATABASE);
    }

    private Connection open(String database) throws SQLException {
        try {
            return JdbcConnections.open("org.postgresql.Driver", jdbcUrl(database), properties());
        } catch (SQLException e) {
            SQLException missing = MissingJdbcDriver.orSame(e, "The PostgreSQL JDBC driver (org.postgresql:postgresql)",
                    url);
            if (missing != e) {
                throw missing;
            }
            throw new SQLException(MateyUrl.mask(e.getMessage()) + " (" + url + ")", e.getSQLState(), e);
        }
    }
}
