package io.matey.engine.clickhouse;

import io.matey.engine.MigrationTable;
import io.matey.engine.Rows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * dbmate's ClickHouse {@code schema_migrations} (docs/architecture.md §3): rows are only ever inserted, a
 * {@code ReplacingMergeTree(ts)} keeps the latest row per version, and a rollback inserts a row with
 * {@code applied = 0}. Reads use {@code FINAL}, so unmerged parts read as merged. Rows inserted within one
 * second share {@code ts}; the engine then keeps the last inserted, which is the latest change.
 */
final class ClickHouseMigrationTable implements MigrationTable {

    /** The table exactly as dbmate creates it (dbmate adds a {@code checksum} column in newer releases; reads ignore it). */
    static final String CREATE = "CREATE TABLE IF NOT EXISTS " + NAME + " (version String, ts DateTime DEFAULT now(), "
            + "applied UInt8 DEFAULT 1) ENGINE = ReplacingMergeTree(ts) PRIMARY KEY version ORDER BY version";

    @Override
    public boolean exists(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("EXISTS TABLE " + NAME)) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    @Override
    public void ensure(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(CREATE);
        }
    }

    @Override
    public List<String> appliedVersions(Connection connection) throws SQLException {
        List<String> versions = new ArrayList<>();
        if (!exists(connection)) {
            return versions;
        }
        Rows.forEach(connection, "SELECT version FROM " + NAME + " FINAL WHERE applied ORDER BY version",
                rs -> versions.add(rs.getString(1)));
        return versions;
    }

    @Override
    public void record(Connection connection, String version) throws SQLException {
        insert(connection, version, 1);
    }

    @Override
    public void remove(Connection connection, String version) throws SQLException {
        insert(connection, version, 0);
    }

    private static void insert(Connection connection, String version, int applied) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + NAME + " (version, applied) VALUES (?, ?)")) {
            ps.setString(1, version);
            ps.setInt(2, applied);
            ps.executeUpdate();
        }
    }

    @Override
    public String dumpBlock(List<String> versions) {
        if (versions.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("-- Dbmate schema migrations\n").append(CREATE).append(";\n")
                .append("INSERT INTO ").append(NAME).append(" (version) VALUES\n");
        for (int i = 0; i < versions.size(); i++) {
            sb.append("  (").append(ClickHouseConnector.literal(versions.get(i))).append(')')
                    .append(i + 1 < versions.size() ? ",\n" : ";\n");
        }
        return sb.toString();
    }
}
