package io.matey.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Progress of a section that runs outside one transaction (MySQL DDL, {@code transaction:false} where its statements
 * run one by one), in the table {@code matey_migration_progress} next to {@code schema_migrations}
 * (docs/architecture.md §7). A row exists from
 * before the section's first statement until its version change commits, and says how many statements had taken
 * effect; so a process that dies in between leaves a marker the next command reads. dbmate never reads the table,
 * and dumps leave it out like {@code schema_migrations}. Its column {@code exact} (default 0, so that a row an earlier
 * Matey wrote, or a table it created without the column, reads as uncertain) says whether the section stopped at a
 * statement the server failed without effect ({@link #failedAt}).
 */
public final class MigrationProgress implements ProgressTable {

    public static final String TABLE = "matey_migration_progress";

    /** The column saying the marker's stop is exact ({@link Marker#exact}). */
    private static final String EXACT = "exact";

    /**
     * An interrupted section.
     *
     * @param done  statements known to have taken effect
     * @param total statements in the section
     * @param exact whether statement {@code done + 1} failed with the server's error and took no effect, so that
     *              nothing after statement {@code done} did; otherwise (a kill, a lost connection, a cancel, a
     *              failure the engine cannot vouch for) it may or may not have (DDL commits itself before the marker
     *              is advanced)
     */
    public record Marker(String version, String direction, int done, int total, boolean exact) {

        /** A marker whose stop is uncertain, as every marker is on a table that does not record it. */
        public Marker(String version, String direction, int done, int total) {
            this(version, direction, done, total, false);
        }

        /** "progress marker of version V (up section, 1 of 2 statements)", as every message names a marker. */
        public String description() {
            return "progress marker of version " + version + " (" + direction + " section, " + done + " of " + total
                    + (total == 1 ? " statement)" : " statements)");
        }
    }

    /** The table in standard SQL, which SQLite, PostgreSQL and MySQL run as is; the driver says whether it exists. */
    public static final ProgressTable STANDARD = new MigrationProgress(null);

    /** A query that returns a row when the table exists; null to ask the driver's metadata. */
    private final String existsQuery;

    private MigrationProgress(String existsQuery) {
        this.existsQuery = existsQuery;
    }

    /**
     * The standard table, whose existence {@code existsQuery} (a row when it exists) tells: a catalog query of the
     * engine's own costs less than the driver's generic {@code getTables}, twice over for a table that is missing.
     */
    public static ProgressTable checkedBy(String existsQuery) {
        return new MigrationProgress(existsQuery);
    }

    @Override
    public Optional<Marker> read(Connection connection) throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        try {
            return readExisting(connection);
        } catch (SQLException e) {
            // A reader without the migration lock (db status) may find the table just dropped (dropIfEmpty).
            if (!connection.getAutoCommit() || exists(connection)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    @Override
    public Optional<Marker> readExisting(Connection connection) throws SQLException {
        // Every column, so that a table an earlier Matey created without exact reads too (as uncertain).
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + TABLE + " ORDER BY version")) {
            return rs.next() ? Optional.of(new Marker(rs.getString("version"), rs.getString("direction"),
                    rs.getInt("done"), rs.getInt("total"), hasExact(rs) && rs.getInt(EXACT) == 1)) : Optional.empty();
        }
    }

    private static boolean hasExact(ResultSet rs) throws SQLException {
        var columns = rs.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            if (EXACT.equalsIgnoreCase(columns.getColumnLabel(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void begin(Connection connection, String version, String direction, int done, int total) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version varchar(128) NOT NULL PRIMARY KEY, "
                    + "direction varchar(4) NOT NULL, done int NOT NULL, total int NOT NULL, " + EXACT + " int NOT NULL DEFAULT 0)");
        }
        finish(connection, version);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + TABLE
                + " (version, direction, done, total) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, version);
            ps.setString(2, direction);
            ps.setInt(3, done);
            ps.setInt(4, total);
            ps.executeUpdate();
        }
    }

    @Override
    public void advance(Connection connection, String version, int done) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE + " SET done = ? WHERE version = ?")) {
            ps.setInt(1, done);
            ps.setString(2, version);
            ps.executeUpdate();
        }
    }

    /**
     * On a table an earlier Matey created without the column (resuming its marker), the count alone, which reads as
     * uncertain: the failed UPDATE changed nothing, and no engine calling this aborts a transaction on it (MySQL rolls
     * back the statement only; elsewhere a tracked section runs in auto-commit).
     */
    @Override
    public void failedAt(Connection connection, String version, int done) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + TABLE + " SET done = ?, " + EXACT
                + " = 1 WHERE version = ?")) {
            ps.setInt(1, done);
            ps.setString(2, version);
            ps.executeUpdate();
        } catch (SQLException withoutTheColumn) {
            advance(connection, version, done);
        }
    }

    @Override
    public void finish(Connection connection, String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE version = ?")) {
            ps.setString(1, version);
            ps.executeUpdate();
        }
    }

    @Override
    public boolean exists(Connection connection) throws SQLException {
        if (existsQuery != null) {
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(existsQuery)) {
                return rs.next();
            }
        }
        return existsByMetadata(connection);
    }

    /** Asks the driver, so that the check works on an engine without catalog SQL of its own. */
    private static boolean existsByMetadata(Connection connection) throws SQLException {
        String catalog = connection.getCatalog();
        for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = connection.getMetaData().getTables(catalog, null, name, new String[] {"TABLE"})) {
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
