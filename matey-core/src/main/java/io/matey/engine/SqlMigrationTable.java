package io.matey.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code schema_migrations(version varchar(128) primary key)} on engines with ordinary SQL tables
 * (SQLite, PostgreSQL, MySQL): the shape dbmate creates, so either tool can read the other's table.
 */
public class SqlMigrationTable implements MigrationTable {

    private final String quotedName;
    private final String createSql;
    private final String existsQuery;

    /**
     * @param quotedName  the table name as the engine quotes it in the dump block
     * @param createSql   {@code CREATE TABLE IF NOT EXISTS ...} without a semicolon
     * @param existsQuery a query that returns a row exactly when the table exists in the current schema
     */
    public SqlMigrationTable(String quotedName, String createSql, String existsQuery) {
        this.quotedName = quotedName;
        this.createSql = createSql;
        this.existsQuery = existsQuery;
    }

    @Override
    public boolean exists(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(existsQuery)) {
            return rs.next();
        }
    }

    @Override
    public void ensure(Connection connection) throws SQLException {
        if (!exists(connection)) {
            create(connection);
        }
    }

    /** Creates the table, which the caller found missing. */
    public void create(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(createSql);
        }
    }

    @Override
    public List<String> appliedVersions(Connection connection) throws SQLException {
        List<String> versions = new ArrayList<>();
        if (!exists(connection)) {
            return versions;
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM " + quotedName)) {
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
        }
        versions.sort(null);
        return versions;
    }

    @Override
    public void record(Connection connection, String version) throws SQLException {
        update(connection, "INSERT INTO " + quotedName + " (version) VALUES (?)", version);
    }

    @Override
    public void remove(Connection connection, String version) throws SQLException {
        update(connection, "DELETE FROM " + quotedName + " WHERE version = ?", version);
    }

    private static void update(Connection connection, String sql, String version) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, version);
            ps.executeUpdate();
        }
    }

    @Override
    public String dumpBlock(List<String> versions) {
        if (versions.isEmpty()) {
            return "";
        }
        String header = "-- Dbmate schema migrations\n" + createSql + ";\nINSERT INTO " + quotedName + " (version) VALUES\n";
        // Sized up front: the block lists every version so far, and each checkpoint of a replay builds it.
        int size = header.length();
        for (String version : versions) {
            size += version.length() + 7;
        }
        StringBuilder sb = new StringBuilder(size).append(header);
        int last = versions.size() - 1;
        for (int i = 0; i <= last; i++) {
            String version = versions.get(i);
            sb.append("  ('").append(version.indexOf('\'') < 0 ? version : version.replace("'", "''"))
                    .append(i < last ? "'),\n" : "');\n");
        }
        return sb.toString();
    }
}
