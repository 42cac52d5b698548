package io.matey.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs a catalog query and hands each row to a callback: the loop every catalog reader needs. */
public final class Rows {

    /** Reads one row; may throw what JDBC throws. */
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private Rows() {
    }

    public static void forEach(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                handler.row(rs);
            }
        }
    }
}
