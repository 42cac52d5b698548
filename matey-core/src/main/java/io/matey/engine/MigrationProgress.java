package io.matey.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Progress of a section that runs outside one transaction (MySQL DDL, {@code transaction:false}), in the table
 * {@code matey_migration_progress} next to {@code schema_migrations} (docs/architecture.md §7). A row exists from
 * before the section's first statement until its version change commits, and says how many statements had taken
 * effect; so a process that dies in between leaves a marker the next command reads. dbmate never reads the table,
 * and dumps leave it out like {@code schema_migrations}.
 */
public final class MigrationProgress {

    public static final String TABLE = "matey_migration_progress";

    /**
     * An interrupted section.
     *
     * @param done  statements known to have taken effect; the next one may or may not have (DDL commits itself
     *              before the marker is advanced)
     * @param total statements in the section
     */
    public record Marker(String version, String direction, int done, int total) {
    }

    private MigrationProgress() {
    }

    /**
     * The statements that keep the marker row, each taking its parameters in the order given here. Engines whose
     * tables cannot be updated in place supply their own ({@link Engine#progressSql()}).
     *
     * @param create  creates the table if it is missing
     * @param insert  (version, direction, done, total)
     * @param advance (done, version): sets the count of statements in effect
     * @param delete  (version)
     * @param select  version, direction, done, total of every marker, ordered by version
     */
    public record Sql(String create, String insert, String advance, String delete, String select) {

        /** Plain SQL: a primary key on version, UPDATE and DELETE. */
        public static final Sql STANDARD = new Sql(
                "CREATE TABLE IF NOT EXISTS " + TABLE + " (version varchar(128) NOT NULL PRIMARY KEY, "
                        + "direction varchar(4) NOT NULL, done int NOT NULL, total int NOT NULL)",
                "INSERT INTO " + TABLE + " (version, direction, done, total) VALUES (?, ?, ?, ?)",
                "UPDATE " + TABLE + " SET done = ? WHERE version = ?",
                "DELETE FROM " + TABLE + " WHERE version = ?",
                "SELECT version, direction, done, total FROM " + TABLE + " ORDER BY version");
    }

    /** The marker left by an interrupted section; empty when none (or the table does not exist). */
    public static Optional<Marker> read(Engine engine, Connection connection) throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(engine.progressSql().select())) {
            return rs.next() ? Optional.of(new Marker(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                    : Optional.empty();
        }
    }

    static void begin(Engine engine, Connection connection, String version, String direction, int done, int total)
            throws SQLException {
        Sql sql = engine.progressSql();
        try (Statement st = connection.createStatement()) {
            st.execute(sql.create());
        }
        finish(engine, connection, version);
        try (PreparedStatement ps = connection.prepareStatement(sql.insert())) {
            ps.setString(1, version);
            ps.setString(2, direction);
            ps.setInt(3, done);
            ps.setInt(4, total);
            ps.executeUpdate();
        }
    }

    static void advance(Engine engine, Connection connection, String version, int done) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(engine.progressSql().advance())) {
            ps.setInt(1, done);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    /** Removes the marker; only after {@link #begin}, which creates the table. */
    static void finish(Engine engine, Connection connection, String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(engine.progressSql().delete())) {
            ps.setString(1, version);
            ps.executeUpdate();
        }
    }

    /**
     * Asks the driver, so that the check works on every engine without catalog SQL of its own. A driver that
     * names the database as a schema and has no catalog (ClickHouse's) is asked for that schema, not for all.
     */
    private static boolean exists(Connection connection) throws SQLException {
        String catalog = connection.getCatalog();
        String schema = catalog == null ? connection.getSchema() : null;
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = connection.getMetaData().getTables(catalog, schema, name, null)) {
                while (rs.next()) {
                    if (name.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
