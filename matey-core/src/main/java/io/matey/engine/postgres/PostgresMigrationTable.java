package io.matey.engine.postgres;

import io.matey.engine.MigrationTable;
import io.matey.engine.SqlMigrationTable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * dbmate's {@code schema_migrations} on PostgreSQL, where dbmate places it (docs/architecture.md §3): in the first
 * schema of the URL's {@code search_path}, which is created when missing, and otherwise in the current schema.
 * The schema is read from the connection's JDBC URL ({@code currentSchema}, where {@link PostgresConnector} puts
 * the URL's {@code search_path}, as an application's DataSource URL may), so that a migration that changes its
 * session's {@code search_path} does not move the table. The dump block stays unqualified, as the dumps of
 * databases built either way must be the same text: it is loaded under the same {@code search_path}, after
 * {@link #prepareLoad} made its schema.
 */
final class PostgresMigrationTable implements MigrationTable {

    private static final String COLUMNS = " (version varchar(128) primary key)";

    private static final SqlMigrationTable CURRENT_SCHEMA = table("");

    @Override
    public boolean exists(Connection connection) throws SQLException {
        return table(connection).exists(connection);
    }

    @Override
    public void ensure(Connection connection) throws SQLException {
        SqlMigrationTable table = table(connection);
        if (table.exists(connection)) {
            return;
        }
        createSchema(connection);
        table.ensure(connection);
    }

    /** Before loading a dump: its migrations block creates the table unqualified, so the schema must exist. */
    void prepareLoad(Connection connection, String dump) throws SQLException {
        if (dump.contains(create(NAME))) {
            createSchema(connection);
        }
    }

    private static void createSchema(Connection connection) throws SQLException {
        Optional<String> schema = schema(connection);
        if (schema.isPresent()) {
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + schema.get());
            }
        }
    }

    @Override
    public List<String> appliedVersions(Connection connection) throws SQLException {
        return table(connection).appliedVersions(connection);
    }

    @Override
    public void record(Connection connection, String version) throws SQLException {
        table(connection).record(connection, version);
    }

    @Override
    public void remove(Connection connection, String version) throws SQLException {
        table(connection).remove(connection, version);
    }

    @Override
    public String dumpBlock(List<String> versions) {
        return CURRENT_SCHEMA.dumpBlock(versions);
    }

    private static SqlMigrationTable table(Connection connection) throws SQLException {
        Optional<String> schema = schema(connection);
        return schema.isEmpty() ? CURRENT_SCHEMA : table(schema.get() + ".");
    }

    private static SqlMigrationTable table(String qualifier) {
        String name = qualifier + NAME;
        return new SqlMigrationTable(name, create(name),
                "SELECT 1 WHERE to_regclass('" + name.replace("'", "''") + "') IS NOT NULL");
    }

    private static String create(String name) {
        return "CREATE TABLE IF NOT EXISTS " + name + COLUMNS;
    }

    /** The quoted first schema of the connection's {@code currentSchema}, as dbmate quotes it; empty without one. */
    static Optional<String> schema(Connection connection) throws SQLException {
        return firstSchema(connection.getMetaData().getURL());
    }

    static Optional<String> firstSchema(String jdbcUrl) {
        int query = jdbcUrl == null ? -1 : jdbcUrl.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].equals("currentSchema")) {
                String first = URLDecoder.decode(pair[1], StandardCharsets.UTF_8).split(",")[0].strip();
                return first.isEmpty() ? Optional.empty() : Optional.of("\"" + first.replace("\"", "\"\"") + "\"");
            }
        }
        return Optional.empty();
    }
}
