package io.matey.engine.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The session settings that DDL and {@code SHOW CREATE} output depend on, fixed so that a schema reads the
 * same from every server and client: {@code sql_mode} (ANSI_QUOTES and friends change quoting and parsing;
 * the value is valid on MySQL 8 and MariaDB), {@code time_zone} (TIMESTAMP literal defaults and event times
 * are shown in it), identifier quoting, and utf8mb4 throughout.
 */
final class MysqlSession {

    static final String SQL_MODE = "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    private static final String OUTPUT_SETTINGS = "SESSION sql_mode = '" + SQL_MODE + "', SESSION time_zone = '+00:00', "
            + "SESSION sql_quote_show_create = 1, SESSION character_set_results = utf8mb4";

    private MysqlSession() {
    }

    /** Applies the canonical settings to a connection Matey opened (migrations and loads run under them too). */
    static void apply(Connection connection) throws SQLException {
        execute(connection, "SET NAMES utf8mb4, " + OUTPUT_SETTINGS);
    }

    /**
     * Applies the settings that shape {@code SHOW CREATE} output until the handle is closed, then restores the
     * caller's: the connection may belong to an application's pool, or a migration may have changed them.
     */
    static Pinned pin(Connection connection) throws SQLException {
        Object[] saved = new Object[4];
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode, @@SESSION.time_zone, "
                        + "@@SESSION.sql_quote_show_create, @@SESSION.character_set_results")) {
            rs.next();
            for (int i = 0; i < saved.length; i++) {
                saved[i] = rs.getObject(i + 1);
            }
        }
        execute(connection, "SET " + OUTPUT_SETTINGS);
        return () -> {
            try (PreparedStatement ps = connection.prepareStatement("SET SESSION sql_mode = ?, SESSION time_zone = ?, "
                    + "SESSION sql_quote_show_create = ?, SESSION character_set_results = ?")) {
                for (int i = 0; i < saved.length; i++) {
                    ps.setObject(i + 1, saved[i]);
                }
                ps.execute();
            }
        };
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /** Canonical settings in force until closed. */
    interface Pinned extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
