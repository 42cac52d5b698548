package io.matey.engine.clickhouse;

import io.matey.engine.Engine;
import io.matey.engine.JdbcConnections;
import io.matey.engine.MateyUrl;
import io.matey.engine.MissingJdbcDriver;
import io.matey.error.MateyException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Maps a dbmate ClickHouse URL ({@code clickhouse://user:pass@host:9000/db}) to the official {@code clickhouse-jdbc}
 * driver, which speaks HTTP (docs/architecture.md §3). dbmate talks the native protocol, so the port is mapped:
 * an explicit {@code http_port=} parameter wins; no port or the native 9000 means HTTP 8123; the native TLS port
 * 9440 (or {@code secure=true} without a port) means HTTPS 8443; any other port is taken as the HTTP port itself.
 * Credentials travel as properties, never in the JDBC URL, so driver messages cannot echo them.
 */
final class ClickHouseConnector {

    static final int HTTP_PORT = 8123;
    static final int HTTPS_PORT = 8443;
    static final int NATIVE_PORT = 9000;
    static final int NATIVE_TLS_PORT = 9440;
    static final String DEFAULT_DATABASE = "default";

    /**
     * The driver's read timeout, in milliseconds ({@code socket_timeout}; the driver's own default, 0, waits for ever
     * on a server that accepted a request and never answers). Half an hour leaves room for a long synchronous mutation
     * or backfill; {@code ?socket_timeout=<ms>} in the URL sets another.
     */
    static final String SOCKET_TIMEOUT = "socket_timeout";
    static final int DEFAULT_SOCKET_TIMEOUT_MS = 30 * 60 * 1000;

    /** ClickHouse's UNKNOWN_DATABASE. */
    static final int UNKNOWN_DATABASE = 81;
    /** ClickHouse's DATABASE_ALREADY_EXISTS. */
    static final int DATABASE_ALREADY_EXISTS = 82;

    /** Parameters this class reads itself (dbmate's {@code username}, {@code password}, {@code database} among them). */
    private static final Set<String> OWN_PARAMETERS = Set.of("http_port", "secure", "username", "password", "database");
    /** dbmate's cluster mode adds ON CLUSTER to its own statements; Matey has no such mode yet, so it says so. */
    private static final Set<String> CLUSTER_PARAMETERS = Set.of("on_cluster", "cluster_macro", "replica_macro", "zoo_path");

    private final MateyUrl url;

    ClickHouseConnector(MateyUrl url) {
        if (url.isFile()) {
            throw new MateyException("ClickHouse URL must be clickhouse://user:pass@host:9000/db, got " + url + ".");
        }
        for (String parameter : CLUSTER_PARAMETERS) {
            if (url.query().containsKey(parameter)) {
                throw new MateyException("ClickHouse URL " + url + " asks for dbmate's cluster mode (" + parameter
                        + "), which Matey does not support: point it at one server, without the cluster parameters.");
            }
        }
        this.url = url;
    }

    /** The database the URL names: its path, else dbmate's {@code database} parameter, else {@code default}. */
    String database() {
        String name = url.path().isEmpty() ? url.query().getOrDefault("database", "") : url.path();
        if (name.contains("/")) {
            throw new MateyException("ClickHouse database name '" + name + "' in " + url + " must not contain '/'.");
        }
        return name.isEmpty() ? DEFAULT_DATABASE : name;
    }

    boolean secure() {
        String secure = url.query().get("secure");
        return "true".equalsIgnoreCase(secure) || "1".equals(secure) || url.port() == NATIVE_TLS_PORT
                || httpPort() == HTTPS_PORT;
    }

    /** The HTTP(S) port the driver connects to (see the class comment). */
    int httpPort() {
        String explicit = url.query().get("http_port");
        if (explicit != null) {
            try {
                int port = Integer.parseInt(explicit);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new MateyException("ClickHouse URL " + url + ": http_port=" + explicit
                    + " is not a port; expected a number from 1 to 65535.");
        }
        if (url.port() < 0) {
            return "true".equalsIgnoreCase(url.query().get("secure")) ? HTTPS_PORT : HTTP_PORT;
        }
        return switch (url.port()) {
            case NATIVE_PORT -> HTTP_PORT;
            case NATIVE_TLS_PORT -> HTTPS_PORT;
            default -> url.port();
        };
    }

    /** The driver's URL for {@code database}: no credentials in it. */
    String jdbcUrl(String database) {
        return "jdbc:clickhouse:" + (secure() ? "https" : "http") + "://" + url.host() + ":" + httpPort() + "/"
                + database;
    }

    /**
     * Other URL parameters pass through to the driver. Compression is off unless the URL turns it on (the test
     * server needs that, and schema work moves little data). The driver is told to ignore transaction requests:
     * ClickHouse has none, the engine says so ({@code transactionalDdl() == false}), and each statement takes
     * effect when it runs. A read waits at most {@link #DEFAULT_SOCKET_TIMEOUT_MS} unless the URL says otherwise.
     */
    Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("compress", "false");
        properties.setProperty(SOCKET_TIMEOUT, Integer.toString(DEFAULT_SOCKET_TIMEOUT_MS));
        properties.setProperty("jdbc_ignore_unsupported_values", "true");
        for (Map.Entry<String, String> parameter : url.query().entrySet()) {
            if (!OWN_PARAMETERS.contains(parameter.getKey())) {
                properties.setProperty(parameter.getKey(), parameter.getValue());
            }
        }
        String user = url.query().getOrDefault("username", url.user());
        properties.setProperty("user", user == null || user.isEmpty() ? "default" : user);
        String password = url.query().getOrDefault("password", url.password());
        properties.setProperty("password", password == null ? "" : password);
        return properties;
    }

    /**
     * Opens a connection to {@code database}. The HTTP driver only meets the server on the first query, so one is
     * run here: a missing database or wrong password fails now, not in the middle of a command.
     */
    Connection open(String database) throws SQLException {
        Connection connection;
        String tag = ClickHouseQueryTags.newTag();
        try {
            Properties properties = properties();
            properties.setProperty(ClickHouseQueryTags.PROPERTY, tag);
            connection = JdbcConnections.open("com.clickhouse.jdbc.ClickHouseDriver", jdbcUrl(database), properties);
        } catch (SQLException e) {
            SQLException missing = MissingJdbcDriver.orSame(e,
                    "The ClickHouse JDBC driver (com.clickhouse:clickhouse-jdbc)", url);
            throw missing != e ? missing : masked(e);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT 1");
            ClickHouseQueryTags.remember(connection, this, database, tag);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw masked(e);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * A statement's read timeout, said with the database (masked URL), the timeout in effect and what to do: the
     * server goes on with a query whose HTTP client has gone, so the runner cancels it ({@link Engine#unanswered}).
     */
    String timeoutSentence() {
        String set = url.query().containsKey(SOCKET_TIMEOUT) ? "as the URL sets it" : "Matey's default";
        return "ClickHouse at " + url + " sent no answer within " + SOCKET_TIMEOUT + " (" + properties().getProperty(
                SOCKET_TIMEOUT) + " ms, " + set + "). If the statement needs longer, raise it on the URL (`"
                + SOCKET_TIMEOUT + "=<milliseconds>`, e.g. " + SOCKET_TIMEOUT + "=7200000 for two hours).";
    }

    private SQLException masked(SQLException e) {
        return new SQLException(MateyUrl.mask(ClickHouseMessages.of(e)) + " (" + url + ")",
                e.getSQLState(), e.getErrorCode(), e);
    }

    /**
     * {@code name} as a ClickHouse identifier in backticks. A backslash escapes inside them, so it is escaped too
     * (doubling the backtick alone would turn {@code a\b} into another name).
     */
    static String quote(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** {@code text} as a ClickHouse string literal. */
    static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
