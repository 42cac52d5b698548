package io.matey.engine.clickhouse;

import io.matey.engine.MigrationProgress;
import io.matey.engine.ProgressTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The interruption marker of a section (docs/architecture.md §7) without {@code UPDATE}, which servers before
 * 25.7 lack: each change inserts a row, a {@code ReplacingMergeTree(done)} keeps the highest count per version,
 * reads use {@code FINAL}, and the marker is removed with a lightweight {@code DELETE}.
 */
final class ClickHouseProgressTable implements ProgressTable {

    private static final String TABLE = MigrationProgress.TABLE;

    @Override
    public boolean exists(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet exists = st.executeQuery("EXISTS TABLE " + TABLE)) {
            return exists.next() && exists.getInt(1) == 1;
        }
    }

    @Override
    public Optional<MigrationProgress.Marker> readExisting(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT version, direction, done, total FROM " + TABLE + " FINAL ORDER BY version")) {
            return rs.next() ? Optional.of(new MigrationProgress.Marker(rs.getString(1), rs.getString(2), rs.getInt(3),
                    rs.getInt(4))) : Optional.empty();
        }
    }

    /**
     * Creates this engine's table first; the standard begin then finds it (its CREATE ... IF NOT EXISTS does nothing)
     * and removes and inserts the marker with statements ClickHouse runs as they are.
     */
    @Override
    public void begin(Connection connection, String version, String direction, int done, int total) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version String, direction String, done Int32, "
                    + "total Int32) ENGINE = ReplacingMergeTree(done) ORDER BY version");
        }
        MigrationProgress.STANDARD.begin(connection, version, direction, done, total);
    }

    @Override
    public void advance(Connection connection, String version, int done) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE
                + " SELECT version, direction, ?, total FROM " + TABLE + " FINAL WHERE version = ?")) {
            ps.setInt(1, done);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    /** A lightweight DELETE, as standard SQL writes it. */
    @Override
    public void finish(Connection connection, String version) throws SQLException {
        MigrationProgress.STANDARD.finish(connection, version);
    }
}
