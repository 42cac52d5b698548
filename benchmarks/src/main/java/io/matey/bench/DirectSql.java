package io.matey.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Plain JDBC, without Matey: the floors and the measured work that Matey's commands are compared with. */
public final class DirectSql {

    private DirectSql() {
    }

    public static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** Runs the statements in one transaction. */
    public static void transaction(Connection connection, List<String> statements) throws SQLException {
        connection.setAutoCommit(false);
        try {
            execute(connection, statements);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** A section and its version row in one transaction, as dbmate and Matey run a migration. */
    public static void section(Connection connection, List<String> statements, String versionSql, String version)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            execute(connection, statements);
            try (PreparedStatement ps = connection.prepareStatement(versionSql)) {
                ps.setString(1, version);
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
