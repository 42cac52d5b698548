package io.matey.engine.postgres;

import io.matey.engine.Identifiers;
import io.matey.engine.MigrationTable;
import io.matey.engine.SqlMigrationTable;
import io.matey.error.MateyException;
import io.matey.schema.SchemaDump;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * dbmate's {@code schema_migrations} on PostgreSQL, or the table dbmate's {@code --migrations-table} names
 * ({@code name} or {@code schema.name}), where dbmate places it (docs/architecture.md §3): in the schema the name
 * gives, else in the first schema of the URL's {@code search_path}, which is created when missing, and otherwise in
 * the current schema. The schema is read from the connection's JDBC URL ({@code currentSchema}, where
 * {@link PostgresConnector} puts the URL's {@code search_path}, as an application's DataSource URL may), so that a
 * migration that changes its session's {@code search_path} does not move the table. The dump block of an
 * unqualified name stays unqualified, as the dumps of databases built either way must be the same text: it is
 * loaded under the same {@code search_path}, after {@link #prepareBlock} made its schema.
 */
final class PostgresMigrationTable implements MigrationTable {

    /**
     * The session setting that holds, while {@link PostgresSchemaDumper} reads the catalogs, the name
     * ({@code pg_class.relname}) of the migrations table the dump leaves to its migrations block.
     */
    static final String DUMPED_SETTING = "matey.migrations_table";

    /** The migrations table's {@code relname} as the dump's catalog queries read it. */
    static final String DUMPED_NAME = "current_setting('" + DUMPED_SETTING + "')";

    static final PostgresMigrationTable DEFAULT = new PostgresMigrationTable(Optional.empty(), NAME);

    private static final String COLUMNS = " (version varchar(128) primary key)";

    /** How a dump's migrations block begins; the table's (quoted, maybe qualified) name follows. */
    private static final String BLOCK_CREATE = SchemaDump.MIGRATIONS_MARKER + "\nCREATE TABLE IF NOT EXISTS ";

    /** The quoted schema the name gives; empty for an unqualified name. */
    private final Optional<String> givenSchema;
    private final String relationName;
    private final String quotedName;

    private PostgresMigrationTable(Optional<String> givenSchema, String relationName) {
        this.givenSchema = givenSchema;
        this.relationName = relationName;
        // schema_migrations stays bare so that existing dumps keep their text; any other name is quoted whole.
        this.quotedName = relationName.equals(NAME) ? NAME : Identifiers.quoted('"', relationName);
    }

    /** The table {@code --migrations-table} names: {@code name} or {@code schema.name}, each part as written. */
    static PostgresMigrationTable named(String name) {
        if (name.equals(NAME)) {
            return DEFAULT;
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2 || parts[0].isEmpty() || parts[parts.length - 1].isEmpty()) {
            throw new MateyException("--migrations-table " + name + ": PostgreSQL takes a table name or "
                    + "schema.table (such as custom_migrations or myschema.migrations).");
        }
        return parts.length == 1 ? new PostgresMigrationTable(Optional.empty(), name)
                : new PostgresMigrationTable(Optional.of(Identifiers.quoted('"', parts[0])), parts[1]);
    }

    /** The table's name as {@code pg_class.relname} holds it, which the dump leaves out. */
    String relationName() {
        return relationName;
    }

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
        createSchema(connection, schema(connection));
        table.create(connection);
    }

    /** Where a dump's migrations block begins; the dump's length when it has none. */
    static int blockStart(String dump) {
        int block = dump.lastIndexOf(BLOCK_CREATE);
        return block < 0 ? dump.length() : block;
    }

    /**
     * Before loading a dump's migrations block, after the rest of the dump: the block creates the table in the
     * schema its name gives, else unqualified under the URL's {@code search_path}, so that schema must exist. It is
     * created only now, as the dump creates it itself where it holds more than the table.
     */
    static void prepareBlock(Connection connection, String block) throws SQLException {
        createSchema(connection, blockSchema(connection, block));
    }

    /**
     * Whether the schema the block creates its table in exists already (or none is named), so that the table can be
     * created before the rest of the dump, which may read it (a view on schema_migrations).
     */
    static boolean blockSchemaExists(Connection connection, String block) throws SQLException {
        Optional<String> schema = blockSchema(connection, block);
        if (schema.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regnamespace(?) IS NOT NULL")) {
            ps.setString(1, schema.get());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The quoted schema a dump's migrations block creates its table in; empty when unnamed or without a block. */
    private static Optional<String> blockSchema(Connection connection, String block) throws SQLException {
        if (!block.startsWith(BLOCK_CREATE)) {
            return Optional.empty();
        }
        Optional<String> qualifier = qualifier(block.substring(BLOCK_CREATE.length()));
        return qualifier.isPresent() ? qualifier : urlSchema(connection);
    }

    /** The quoted schema before {@code .} in a quoted, qualified name at the start of {@code text}. */
    private static Optional<String> qualifier(String text) {
        if (!text.startsWith("\"")) {
            return Optional.empty();
        }
        int end = 1;
        while (end < text.length() && (text.charAt(end) != '"' || text.startsWith("\"\"", end))) {
            end += text.charAt(end) == '"' ? 2 : 1;
        }
        return text.startsWith("\".", end) ? Optional.of(text.substring(0, end + 1)) : Optional.empty();
    }

    private static void createSchema(Connection connection, Optional<String> schema) throws SQLException {
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
        return table(givenSchema).dumpBlock(versions);
    }

    private SqlMigrationTable table(Connection connection) throws SQLException {
        return table(schema(connection));
    }

    private Optional<String> schema(Connection connection) throws SQLException {
        return givenSchema.isPresent() ? givenSchema : urlSchema(connection);
    }

    private SqlMigrationTable table(Optional<String> schema) {
        String name = schema.map(s -> s + ".").orElse("") + quotedName;
        return new SqlMigrationTable(name, "CREATE TABLE IF NOT EXISTS " + name + COLUMNS,
                "SELECT 1 WHERE to_regclass(" + Identifiers.quoted('\'', name) + ") IS NOT NULL");
    }

    /** The quoted first schema of the connection's {@code currentSchema}, as dbmate quotes it; empty without one. */
    static Optional<String> urlSchema(Connection connection) throws SQLException {
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
                return first.isEmpty() ? Optional.empty() : Optional.of(Identifiers.quoted('"', first));
            }
        }
        return Optional.empty();
    }
}
