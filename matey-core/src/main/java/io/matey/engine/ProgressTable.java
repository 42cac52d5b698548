package io.matey.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Where the progress of a section that runs outside one transaction is kept on a live database
 * (docs/architecture.md §7). {@link MigrationProgress} is the standard SQL one; an engine whose SQL cannot
 * create, update or delete its rows that way supplies its own from {@link Engine#progressTable()}.
 */
public interface ProgressTable {

    /** Whether the table exists. */
    boolean exists(Connection connection) throws SQLException;

    /** The marker left by an interrupted section; empty when none (or the table does not exist). */
    default Optional<MigrationProgress.Marker> read(Connection connection) throws SQLException {
        return exists(connection) ? readExisting(connection) : Optional.empty();
    }

    /** {@link #read} of a table known to exist, without asking again whether it does (a round trip). */
    Optional<MigrationProgress.Marker> readExisting(Connection connection) throws SQLException;

    /** Creates the table if needed and records that the section started with {@code done} statements in effect. */
    void begin(Connection connection, String version, String direction, int done, int total) throws SQLException;

    /** Records that {@code done} statements of the section are in effect. */
    void advance(Connection connection, String version, int done) throws SQLException;

    /**
     * Records that {@code done} statements are in effect and that statement {@code done + 1} failed without effect
     * ({@link Engine#failedWithoutEffect}), which makes the marker exact ({@link MigrationProgress.Marker#exact}). A
     * table without the distinction records the count alone, which reads as uncertain: ClickHouse's and BigQuery's,
     * whose engines vouch for no failed statement.
     */
    default void failedAt(Connection connection, String version, int done) throws SQLException {
        advance(connection, version, done);
    }

    /** Removes the marker; only after {@link #begin}, which creates the table. */
    void finish(Connection connection, String version) throws SQLException;

    /**
     * Drops the table when it holds no marker, so that it exists only while a section is interrupted and dumps of a
     * database Matey migrated match those of one it bootstrapped (docs/architecture.md §7). Called once at the end of
     * a run that got through, under the migration lock: no other run is between its sections meanwhile.
     */
    default void dropIfEmpty(Connection connection) throws SQLException {
        if (exists(connection) && readExisting(connection).isEmpty()) {
            try (Statement st = connection.createStatement()) {
                st.execute("DROP TABLE IF EXISTS " + MigrationProgress.TABLE);
            }
        }
    }
}
