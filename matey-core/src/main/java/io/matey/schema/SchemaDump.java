package io.matey.schema;

import io.matey.engine.Engine;
import io.matey.engine.Leftover;
import io.matey.engine.MigrationTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A complete dump as stored in {@code schema.sql} and checkpoints: the engine's canonical schema followed by
 * the dbmate migrations block. Comparisons ignore that block.
 */
public final class SchemaDump {

    public static final String MIGRATIONS_MARKER = "-- Dbmate schema migrations";

    private SchemaDump() {
    }

    public static String dump(Engine engine, Connection connection) throws SQLException {
        return dump(engine, MigrationTable.NAME, connection);
    }

    /** The dump of a database whose versions are in the migrations table named {@code migrationsTable}. */
    public static String dump(Engine engine, String migrationsTable, Connection connection) throws SQLException {
        MigrationTable table = engine.migrationTable(migrationsTable);
        return join(engine.dumpSchema(connection, migrationsTable), table.dumpBlock(table.appliedVersions(connection)));
    }

    /** The dump leaving out what an interrupted statement left behind without taking effect (docs/architecture.md §7). */
    public static String dumpWithout(Engine engine, Connection connection, Leftover leftover) throws SQLException {
        MigrationTable table = engine.migrationTable();
        return join(engine.dumpSchema(connection, leftover), table.dumpBlock(table.appliedVersions(connection)));
    }

    /** The dump for a report, naming what would not load again instead of failing ({@link Engine#dumpSchemaReporting}). */
    public static String dumpReporting(Engine engine, Connection connection, Consumer<String> unloadable) throws SQLException {
        MigrationTable table = engine.migrationTable();
        return join(engine.dumpSchemaReporting(connection, unloadable), table.dumpBlock(table.appliedVersions(connection)));
    }

    /** The dump with the versions {@code schema_migrations} is known to hold, in ascending order. */
    public static String dump(Engine engine, Connection connection, List<String> versions) throws SQLException {
        return join(engine.dumpSchema(connection), engine.migrationTable().dumpBlock(versions));
    }

    static String join(String schema, String block) {
        if (schema.isEmpty() || block.isEmpty()) {
            return schema + block;
        }
        return schema + "\n" + block;
    }

    /** The schema part of a dump: everything before the migrations block, trailing blank lines removed. */
    public static String withoutMigrations(String dump) {
        int at = dump.startsWith(MIGRATIONS_MARKER) ? 0 : dump.indexOf("\n" + MIGRATIONS_MARKER);
        String schema = at < 0 ? dump : dump.substring(0, at);
        return schema.strip().isEmpty() ? "" : schema.stripTrailing() + "\n";
    }

    /** True when two dumps describe the same schema (the migrations block is not part of the schema). */
    public static boolean sameSchema(String left, String right) {
        return withoutMigrations(left).equals(withoutMigrations(right));
    }
}
